package org.carecommissioning.quality;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.repository.Repository;

/** Q6 and the QAF report: the reads across many returns (kept apart from QafReturnRepository, the one return's). */
interface QafRecordsRepository extends Repository<QafReturn, Long> {

    /** Q6: the returns whose desk-top review was completed in [from, to). */
    List<QafReturn> findByReviewedAtGreaterThanEqualAndReviewedAtLessThan(LocalDateTime from, LocalDateTime to);

    /** The QAF report: the returns issued for a financial year (like 2026/27). */
    List<QafReturn> findByFinancialYearOrderByReference(String financialYear);
}
