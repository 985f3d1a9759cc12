package org.carecommissioning.invoicing;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByInvoiceNumber(String invoiceNumber);

    boolean existsByCommissioningOrganisationIdAndFinancialYearAndQuarter(Long organisationId, int year, int quarter);
}
