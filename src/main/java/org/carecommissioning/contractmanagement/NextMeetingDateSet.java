package org.carecommissioning.contractmanagement;

import java.time.LocalDate;

/**
 * C1, C2, PI5: the date of a service's next contract management meeting was set: due after the last meeting
 * ({@link MeetingPlanning#scheduleNext}), brought forward ({@link MeetingPlanning#bringForward}) or planned
 * ({@link MeetingService#plan}). Published as a Spring application event, inside the transaction that set it, for
 * the capabilities whose own dates follow the meeting (Q2: the QAF is issued 3 months before it); contract management
 * knows nothing of them.
 *
 * @param serviceCode the service
 * @param meetingDate the day the meeting is now due or planned for
 * @param planned whether it is a planned meeting's date (otherwise the date it falls due)
 */
public record NextMeetingDateSet(String serviceCode, LocalDate meetingDate, boolean planned) {
}
