package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    Optional<Meeting> findByReference(String reference);

    List<Meeting> findByMeetingDateBetweenOrderByMeetingDate(LocalDate from, LocalDate to);

    boolean existsByServiceIdAndStatus(Long serviceId, MeetingStatus status);
}
