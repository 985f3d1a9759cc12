package org.carecommissioning.contractmanagement;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImprovementPlanDocumentRepository extends JpaRepository<ImprovementPlanDocument, Long> {

    Optional<ImprovementPlanDocument> findByMeetingId(Long meetingId);
}
