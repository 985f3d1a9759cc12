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

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    Optional<Meeting> findByReference(String reference);

    List<Meeting> findByMeetingDateBetweenOrderByMeetingDate(LocalDate from, LocalDate to);

    boolean existsByServiceIdAndStatus(Long serviceId, MeetingStatus status);
}

interface ComplianceClauseRepository extends JpaRepository<ComplianceClause, Long> {

    List<ComplianceClause> findByMeetingIdOrderById(Long meetingId);

    Optional<ComplianceClause> findByMeetingIdAndClauseCode(Long meetingId, String clauseCode);
}

interface ImprovementActionRepository extends JpaRepository<ImprovementAction, Long> {

    List<ImprovementAction> findByServiceIdAndStatusOrderByTargetDate(Long serviceId, ActionStatus status);
}

interface ImprovementPlanDocumentRepository extends JpaRepository<ImprovementPlanDocument, Long> {

    Optional<ImprovementPlanDocument> findByMeetingId(Long meetingId);
}

interface ProviderFeedbackRepository extends JpaRepository<ProviderFeedback, Long> {

    boolean existsByMeetingId(Long meetingId);

    List<ProviderFeedback> findByGivenAtBetween(java.time.LocalDateTime from, java.time.LocalDateTime to);
}
