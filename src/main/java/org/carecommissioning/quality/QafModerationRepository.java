package org.carecommissioning.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface QafModerationRepository extends JpaRepository<QafModerationRecord, Long> {

    List<QafModerationRecord> findByFinancialYear(String financialYear);

    Optional<QafModerationRecord> findByFinancialYearAndQafReturnReference(String financialYear, String reference);
}
