package org.carecommissioning.contractmanagement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ComplianceClauseRepository extends JpaRepository<ComplianceClause, Long> {

    List<ComplianceClause> findByMeetingIdOrderById(Long meetingId);

    Optional<ComplianceClause> findByMeetingIdAndClauseCode(Long meetingId, String clauseCode);
}
