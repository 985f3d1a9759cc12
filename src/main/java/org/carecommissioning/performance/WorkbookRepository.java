package org.carecommissioning.performance;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkbookRepository extends JpaRepository<Workbook, Long> {

    Optional<Workbook> findFirstByServiceIdAndReportingYearOrderByVersionDesc(Long serviceId, String reportingYear);
}
