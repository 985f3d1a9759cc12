package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContractedServiceRepository extends JpaRepository<ContractedService, Long> {

    Optional<ContractedService> findByServiceCode(String serviceCode);

    List<ContractedService> findByNextMeetingDueLessThanEqualOrderByNextMeetingDue(LocalDate due);

    List<ContractedService> findAllByOrderByServiceCode();
}
