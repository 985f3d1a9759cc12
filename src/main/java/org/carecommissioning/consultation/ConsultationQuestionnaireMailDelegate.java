package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/**
 * Seed 3.6 6.1, X2: the provider is asked to select the sample at random and distribute the questionnaires, which
 * close 4 weeks later (Decision, ConsultationDeadlines); the officer's recording task is due on the closing date.
 */
@Component
class ConsultationQuestionnaireMailDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final NotificationService notifications;
    private final ConsultationDeadlines deadlines;
    private final Clock clock;

    ConsultationQuestionnaireMailDelegate(Consultations consultations, NotificationService notifications,
            ConsultationDeadlines deadlines, Clock clock) {
        this.consultations = consultations;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Consultation consultation = consultations.get(variables.reference());
        LocalDate closing = deadlines.questionnairesCloseOn(LocalDate.now(clock));
        variables.questionnairesOut(closing, deadlines);
        Organisation provider = consultations.providerOf(consultation);
        Map<String, Object> model = ConsultationMailModel.of(consultation, consultations.serviceOf(consultation),
                provider.getName());
        model.put(ConsultationVariables.CLOSING_DATE, DisplayDates.date(closing));
        notifications.send(Email.of(provider.getEmail(), "consultation-questionnaires", model));
    }
}
