package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** C1: the meeting schedule the contracts manager receives each December, and the monthly schedule report. */
@Service
public class MeetingSchedule {

    private final MeetingRepository meetings;
    private final ContractedServiceRepository services;
    private final ProviderFeedbackRepository feedback;

    MeetingSchedule(MeetingRepository meetings, ContractedServiceRepository services,
            ProviderFeedbackRepository feedback) {
        this.meetings = meetings;
        this.services = services;
        this.feedback = feedback;
    }

    /** C8: the providers' survey answers given in a month, summarised as average ratings out of 5. */
    @Transactional(readOnly = true)
    public String feedbackSummary(YearMonth month) {
        List<ProviderFeedback> answers = feedback.findByGivenAtBetween(month.atDay(1).atStartOfDay(),
                month.plusMonths(1).atDay(1).atStartOfDay());
        if (answers.isEmpty()) {
            return "No survey answers from providers this month.";
        }
        return String.format(java.util.Locale.UK,
                "%d survey answer(s) from providers; average out of 5: preparation %.1f, conduct %.1f, usefulness %.1f.",
                answers.size(),
                answers.stream().mapToInt(ProviderFeedback::getPreparationRating).average().orElse(0),
                answers.stream().mapToInt(ProviderFeedback::getConductRating).average().orElse(0),
                answers.stream().mapToInt(ProviderFeedback::getUsefulnessRating).average().orElse(0));
    }

    /**
     * C1: meetings planned for the month, how many were held, and the percentage held on or before the planned
     * date. A month with nothing planned is 100% to schedule.
     */
    @Transactional(readOnly = true)
    public MonthlyReport monthlyReport(YearMonth month) {
        List<Meeting> planned = meetings.findByMeetingDateBetweenOrderByMeetingDate(month.atDay(1), month.atEndOfMonth());
        long completed = planned.stream().filter(m -> m.getHeldOn() != null).count();
        long onSchedule = planned.stream()
                .filter(m -> m.getHeldOn() != null && !m.getHeldOn().isAfter(m.getMeetingDate()))
                .count();
        int percentage = planned.isEmpty() ? 100 : (int) Math.round(100.0 * onSchedule / planned.size());
        return new MonthlyReport(month, planned.size(), (int) completed, percentage,
                planned.stream().map(m -> m.getReference() + (m.getHeldOn() == null ? " not held" : " held "
                        + DisplayDates.date(m.getHeldOn()))).toList());
    }

    /** C1: every service with its priority level and the date its next meeting is due, as CSV for the schedule. */
    @Transactional(readOnly = true)
    public String scheduleCsv(int year) {
        StringBuilder csv = new StringBuilder("service_code,service_name,priority_level,purchasing_officer,"
                + "next_meeting_due,planned_meetings_" + year + "\n");
        LocalDate from = LocalDate.of(year, 1, 1);
        List<Meeting> plannedInYear = meetings.findByMeetingDateBetweenOrderByMeetingDate(from, from.plusYears(1).minusDays(1));
        for (ContractedService service : services.findAllByOrderByServiceCode()) {
            String planned = String.join(" ", plannedInYear.stream()
                    .filter(m -> m.getService().getId().equals(service.getId()))
                    .map(m -> m.getMeetingDate().toString())
                    .toList());
            csv.append(csvCell(service.getServiceCode())).append(',')
                    .append(csvCell(service.getName())).append(',')
                    .append(service.getPriorityLevel()).append(',')
                    .append(csvCell(service.getPurchasingOfficer())).append(',')
                    .append(service.getNextMeetingDue() == null ? "" : service.getNextMeetingDue()).append(',')
                    .append(planned).append('\n');
        }
        return csv.toString();
    }

    private static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    public record MonthlyReport(YearMonth month, int planned, int completed, int percentageToSchedule,
            List<String> meetings) {
    }
}
