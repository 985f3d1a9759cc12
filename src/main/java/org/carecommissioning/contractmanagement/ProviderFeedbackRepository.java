package org.carecommissioning.contractmanagement;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderFeedbackRepository extends JpaRepository<ProviderFeedback, Long> {

    boolean existsByMeetingId(Long meetingId);

    List<ProviderFeedback> findByGivenAtBetween(LocalDateTime from, LocalDateTime to);
}
