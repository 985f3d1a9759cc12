package org.carecommissioning.contractmanagement;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImprovementActionRepository extends JpaRepository<ImprovementAction, Long> {

    List<ImprovementAction> findByServiceIdAndStatusOrderByTargetDate(Long serviceId, ActionStatus status);
}
