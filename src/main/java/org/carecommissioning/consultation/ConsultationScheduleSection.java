package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.util.List;

import org.carecommissioning.consultation.Consultations.ScheduledService;
import org.carecommissioning.contractmanagement.AnnualScheduleSection;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/**
 * U1, C1: the service-user consultations of the financial year that starts in April of the meeting schedule's year
 * (Decision: the December 2026 e-mail of the 2027 meeting schedule lists 2027/28), in the same e-mail: each service
 * with its provider, last consultation, due date and status ({@link Consultations#schedule}).
 */
@Component
class ConsultationScheduleSection implements AnnualScheduleSection {

    private final Consultations consultations;

    ConsultationScheduleSection(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public String title(int year) {
        return "Service-user consultations in " + financialYear(year) + " (U1)";
    }

    @Override
    public List<String> lines(int year) {
        return consultations.schedule(financialYear(year)).stream().map(ConsultationScheduleSection::line).toList();
    }

    /** Decision: the financial year that starts in April of the meeting schedule's year. */
    static String financialYear(int year) {
        return ConsultationDeadlines.financialYear(LocalDate.of(year, 4, 1));
    }

    static String line(ScheduledService service) {
        return service.serviceCode() + " " + service.serviceName() + " (" + service.provider()
                + "): " + service.describe() + "; last consulted "
                + (service.lastConsultedOn() == null ? "never" : DisplayDates.date(service.lastConsultedOn()))
                + ", due " + (service.dueBy() == null ? "now" : "by " + DisplayDates.date(service.dueBy()));
    }
}
