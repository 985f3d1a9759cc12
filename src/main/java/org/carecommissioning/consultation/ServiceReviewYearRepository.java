package org.carecommissioning.consultation;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceReviewYearRepository extends JpaRepository<ServiceReviewYear, Long> {

    boolean existsByServiceIdAndFinancialYear(Long serviceId, String financialYear);
}
