package org.carecommissioning.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Q2: a service's QAFs as the contract management meeting and the schedule read them. */
interface QafReturnHistory extends Repository<QafReturn, Long> {

    /** Q2: the service's latest QAF issued on or before a day. */
    Optional<QafReturn> findFirstByServiceIdAndIssuedOnLessThanEqualOrderByIssuedOnDescIdDesc(Long serviceId,
            LocalDate day);

    /** Q2: the service's QAFs in one of these states. */
    List<QafReturn> findByServiceIdAndStatusIn(Long serviceId, List<QafStatus> statuses);

    /** Q2: whether the service has a QAF for a meeting on or after a day. */
    boolean existsByServiceIdAndMeetingDateGreaterThanEqual(Long serviceId, LocalDate day);

    Optional<QafReturn> findByReference(String reference);
}
