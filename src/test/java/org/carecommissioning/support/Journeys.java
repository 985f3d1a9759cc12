package org.carecommissioning.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.therapist.Therapist;
import org.springframework.stereotype.Component;

/** Walks referrals and invoice runs through their processes the way staff do in Tasklist. */
@Component
public class Journeys {

    public static final String COORDINATOR = "journey-coordinator";
    public static final String FINANCE = "journey-finance";

    private final Scenario scenario;
    private final RuntimeService runtimeService;

    Journeys(Scenario scenario, RuntimeService runtimeService) {
        this.scenario = scenario;
        this.runtimeService = runtimeService;
    }

    public void staff() {
        scenario.user(COORDINATOR, "coordinator");
        scenario.user(FINANCE, "finance");
    }

    public ProcessInstance authorisedReferral(World world, String client, int treatments, double contributionPounds) {
        staff();
        ProcessInstance referral = scenario.refer(world, client);
        scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility", Map.of(
                "eligibilityConfirmed", true, "treatmentsAuthorised", treatments,
                "clientContributionPounds", contributionPounds));
        scenario.executeDueJobs(referral.getId());
        return referral;
    }

    /**
     * Books one session and records its outcome; a cancellation gives the time it was notified. Completes the
     * treatment diary when one is asked for.
     */
    public void session(ProcessInstance referral, Therapist therapist, String at, String outcome, String notifiedAt) {
        scenario.complete(COORDINATOR, referral, "Task_BookAppointment",
                Map.of("therapistId", therapist.getId().toString(), "appointmentAt", at));
        scenario.executeDueJobs(referral.getId());
        Map<String, Object> form = new HashMap<>(Map.of("sessionOutcome", outcome));
        if (notifiedAt != null) {
            form.put("cancellationNotifiedAt", notifiedAt);
        }
        scenario.complete(COORDINATOR, referral, "Task_RecordSessionOutcome", form);
        scenario.executeDueJobs(referral.getId()); // X2: a cancellation e-mails the client first (Tasklist 7)
        if (scenario.task(referral, "Task_RecordTreatmentDiary") != null) {
            scenario.complete(COORDINATOR, referral, "Task_RecordTreatmentDiary",
                    Map.of("diaryEntry", "Relaxed; shoulders less tense.", "wellbeingScore", 7));
        }
    }

    public void finalEvaluation(ProcessInstance referral, String taskKey) {
        scenario.complete(COORDINATOR, referral, taskKey, Map.of("clientDeclinedEvaluation", false,
                "benefitRating", 5, "wouldRecommend", true, "evaluationComments", "Sleeping better."));
    }

    /** Finance runs the invoices of a financial quarter, as from Tasklist's start form. */
    public ProcessInstance invoiceRun(int financialYear, int quarter) {
        staff();
        ProcessInstance run = scenario.as(FINANCE, () -> runtimeService.startProcessInstanceByKey(
                "quarterly-invoicing", Map.of("financialYear", financialYear, "quarter", quarter)));
        scenario.executeDueJobs(run.getId());
        return run;
    }

    /**
     * R10: one attended one-off treatment for a client of the world's organisation, with a therapist of its own,
     * invoiced in Q2 of 2026/27 (Jul-Sep 2026): the running invoice process.
     */
    public ProcessInstance invoicedTreatmentInQ2(World world, String therapistName, String client, String attendedAt) {
        Therapist therapist = scenario.therapistOn(world.partnership(), therapistName, LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
        ProcessInstance referral = authorisedReferral(world, client, 1, 0);
        session(referral, therapist, attendedAt, "attended", null);
        invoiceRun(2026, 2);
        return invoiceInstance("INV-" + world.organisation().getCode() + "-2026Q2");
    }

    public ProcessInstance invoiceInstance(String invoiceNumber) {
        List<ProcessInstance> found = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("invoice").processInstanceBusinessKey(invoiceNumber).list();
        if (found.size() != 1) {
            throw new AssertionError("Expected one running invoice process for " + invoiceNumber + ", found " + found.size());
        }
        return found.get(0);
    }
}
