package org.carecommissioning.performance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkbookRepository extends JpaRepository<Workbook, Long> {

    Optional<Workbook> findFirstByServiceIdAndReportingYearOrderByVersionDesc(Long serviceId, String reportingYear);
}

interface PiReturnRepository extends JpaRepository<PiReturn, Long> {

    Optional<PiReturn> findByReference(String reference);

    boolean existsByServiceIdAndReportingYearAndQuarter(Long serviceId, String reportingYear, int quarter);

    boolean existsByServiceIdAndReportingYearAndSubmittedAtIsNotNull(Long serviceId, String reportingYear);

    List<PiReturn> findByServiceIdOrderByReportingYearAscQuarterAsc(Long serviceId);

    List<PiReturn> findByReportingYearAndQuarterOrderByReference(String reportingYear, int quarter);
}
