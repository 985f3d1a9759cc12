package org.carecommissioning.performance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PiReturnRepository extends JpaRepository<PiReturn, Long> {

    Optional<PiReturn> findByReference(String reference);

    boolean existsByServiceIdAndReportingYearAndQuarter(Long serviceId, String reportingYear, int quarter);

    boolean existsByServiceIdAndReportingYearAndSubmittedAtIsNotNull(Long serviceId, String reportingYear);

    List<PiReturn> findByServiceIdOrderByReportingYearAscQuarterAsc(Long serviceId);

    List<PiReturn> findByReportingYearAndQuarterOrderByReference(String reportingYear, int quarter);

    /** PI7: the returns that are, or may have become, late: marked late, or not in. */
    List<PiReturn> findByLateTrueOrStatusInOrderByReference(Collection<ReturnStatus> statuses);
}
