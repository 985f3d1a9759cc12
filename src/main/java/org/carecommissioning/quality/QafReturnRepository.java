package org.carecommissioning.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface QafReturnRepository extends JpaRepository<QafReturn, Long> {

    Optional<QafReturn> findByReference(String reference);

    long countByServiceIdAndFinancialYear(Long serviceId, String financialYear);

    /** Q5, Q7: the service's QAFs whose grades were agreed (whatever came after), latest agreement first. */
    List<QafReturn> findByServiceIdAndAgreedAtNotNullOrderByAgreedAtDesc(Long serviceId);

    /** Q5: the service's agreed QAFs, latest agreement first. */
    List<QafReturn> findByServiceIdAndStatusOrderByAgreedAtDesc(Long serviceId, QafStatus status);
}
