package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsultationRepository extends JpaRepository<Consultation, Long> {

    Optional<Consultation> findByReference(String reference);

    long countByServiceIdAndFinancialYear(Long serviceId, String financialYear);

    /** U1: the service's consultations in the given statuses (the open ones). */
    List<Consultation> findByServiceIdAndStatusIn(Long serviceId, Collection<ConsultationStatus> statuses);

    /** U1: the service's reported consultations, latest report first. */
    List<Consultation> findByServiceIdAndStatusOrderByReportIssuedOnDesc(Long serviceId, ConsultationStatus status);

    /** U4: reported consultations whose names are kept still, reported on or before {@code issuedOnOrBefore}. */
    List<Consultation> findByStatusAndNamesErasedOnIsNullAndReportIssuedOnLessThanEqual(ConsultationStatus status,
            LocalDate issuedOnOrBefore);

    /** U7: the consultations whose report was issued from {@code from} to {@code to}, in the order issued. */
    List<Consultation> findByReportIssuedOnBetweenOrderByReportIssuedOnAscReferenceAsc(LocalDate from, LocalDate to);

    /** U7: the consultations in the given statuses (the open ones), by reference. */
    List<Consultation> findByStatusInOrderByReference(Collection<ConsultationStatus> statuses);
}
