package org.carecommissioning.consultation;

import java.util.List;

import org.carecommissioning.consultation.Consultations.ScheduledService;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * U1, C1: the services consulted in a financial year, for the contracts manager, the head of contracts and the
 * purchasing officers (and administrators): {@code GET /api/consultations/schedule/2027-28}, as JSON, each service
 * with its provider, last consultation, due date and status (due, planned, under way, reported, postponed to a later
 * year because of its procurement review). Provider staff are refused (403); a year that is none is a 400.
 */
@RestController
class ConsultationScheduleController {

    private final Consultations consultations;
    private final Caller caller;

    ConsultationScheduleController(Consultations consultations, Caller caller) {
        this.consultations = consultations;
        this.caller = caller;
    }

    @GetMapping("/api/consultations/schedule/{financialYear}")
    List<ScheduledService> schedule(@PathVariable String financialYear) {
        caller.requireAnyOf("Only the contracts manager, the head of contracts and purchasing officers can read the"
                + " consultation schedule.", Roles.CONTRACTS_MANAGER, Roles.HEAD_OF_CONTRACTS, Roles.PURCHASING_OFFICER,
                Roles.ADMIN);
        return consultations.schedule(financialYear);
    }
}
