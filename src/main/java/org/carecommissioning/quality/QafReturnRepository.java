package org.carecommissioning.quality;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The QAF returns: one by its reference, a service's, and the reads across many for moderation and the report. */
interface QafReturnRepository extends JpaRepository<QafReturn, Long> {

    Optional<QafReturn> findByReference(String reference);

    long countByServiceIdAndFinancialYear(Long serviceId, String financialYear);

    /** Q5, Q7: the service's QAFs whose grades were agreed (whatever came after), latest agreement first. */
    List<QafReturn> findByServiceIdAndAgreedAtNotNullOrderByAgreedAtDesc(Long serviceId);

    /** Q5: the service's agreed QAFs, latest agreement first. */
    List<QafReturn> findByServiceIdAndStatusOrderByAgreedAtDesc(Long serviceId, QafStatus status);

    /** Q2: the service's latest QAF issued on or before a day. */
    Optional<QafReturn> findFirstByServiceIdAndIssuedOnLessThanEqualOrderByIssuedOnDescIdDesc(Long serviceId,
            LocalDate day);

    /** Q2: the service's QAFs in one of these states. */
    List<QafReturn> findByServiceIdAndStatusIn(Long serviceId, List<QafStatus> statuses);

    /** Q2: whether the service has a QAF for a meeting on or after a day. */
    boolean existsByServiceIdAndMeetingDateGreaterThanEqual(Long serviceId, LocalDate day);

    /** Q6: the returns whose desk-top review was completed in [from, to). */
    List<QafReturn> findByReviewedAtGreaterThanEqualAndReviewedAtLessThan(LocalDateTime from, LocalDateTime to);

    /** The QAF report: the returns issued for a financial year (like 2026/27). */
    List<QafReturn> findByFinancialYearOrderByReference(String financialYear);
}
