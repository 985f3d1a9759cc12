package org.carecommissioning.consultation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceReviewYearRepository extends JpaRepository<ServiceReviewYear, Long> {

    boolean existsByServiceIdAndFinancialYear(Long serviceId, String financialYear);

    List<ServiceReviewYear> findByServiceIdOrderByFinancialYear(Long serviceId);
}
