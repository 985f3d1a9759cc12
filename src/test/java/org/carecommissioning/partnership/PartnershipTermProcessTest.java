package org.carecommissioning.partnership;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.testing.TestClock.LONDON;
import static org.carecommissioning.testing.TestClock.london;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;
import org.carecommissioning.testing.FakeDelegate;
import org.carecommissioning.testing.FakeTaskListener;
import org.carecommissioning.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/partnership-term.bpmn on a plain in-memory engine: the partnership's six-month term, the review
 * window timer, the review (extend or let it end), the end-of-term timer and the lapse of unbooked authorisations.
 * Delegates are test doubles setting the variables the real ones set (see {@link PartnershipVariables}).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/partnership-term.bpmn")
@DisplayName("partnership-term process (R1, X1, X2)")
class PartnershipTermProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String PROCESS = "partnership-term";
    private static final long PARTNERSHIP_ID = 7L;
    private static final String COMMISSIONER_GROUP = "co-hope";
    private static final int REVIEW_NOTICE_DAYS = 28; // care.partnership-review-notice-days

    private FakeDelegate enterIntoPartnership;
    private FakeDelegate reviewMail;
    private FakeDelegate extendPartnership;
    private FakeDelegate closePartnership;
    private FakeDelegate lapseUnbookedAuthorisations;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-04-01T09:00");
        enterIntoPartnership = FakeDelegate.register("enterIntoPartnershipDelegate", execution -> {
            LocalDate start = FormValues.date(execution.getVariable("startDate"), "R1", "The start date");
            LocalDate end = start.plusMonths(6).minusDays(1); // Partnership: R1 six months from the start date
            execution.setProcessBusinessKey("P-" + execution.getVariable("organisationCode") + "-"
                    + start.toString().replace("-", ""));
            execution.setVariables(partnershipVariables(end));
        });
        reviewMail = FakeDelegate.register("partnershipReviewMailDelegate",
                execution -> ProcessVariables.id(execution, "partnershipId"));
        extendPartnership = FakeDelegate.register("extendPartnershipDelegate", execution -> {
            LocalDate currentEnd = LocalDate.parse((String) execution.getVariable("partnershipEndDate"));
            LocalDate newEnd = FormValues.date(execution.getVariable("newEndDate"), "R1", "The new end date");
            if (newEnd == null || !newEnd.isAfter(currentEnd)) {
                throw new BusinessRuleViolation("R1", "The new end date must be after " + currentEnd + ".");
            }
            execution.setVariables(partnershipVariables(newEnd));
            execution.removeVariable("reviewDecision");
            execution.removeVariable("newEndDate");
        });
        closePartnership = FakeDelegate.register("closePartnershipDelegate",
                execution -> ProcessVariables.id(execution, "partnershipId"));
        lapseUnbookedAuthorisations = FakeDelegate.register("lapseUnbookedAuthorisationsDelegate", execution -> {
            // As the real delegate: every referral of this partnership still waiting to book is told.
            Long partnershipId = ProcessVariables.id(execution, "partnershipId");
            int lapsed = execution.getProcessEngineServices().getRuntimeService()
                    .createMessageCorrelation("PartnershipEnded")
                    .processInstanceVariableEquals("partnershipId", partnershipId)
                    .correlateAllWithResult().size();
            execution.setVariable("referralsLapsed", lapsed);
        });
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    /** The variables {@link PartnershipVariables#of} gives for a partnership ending on {@code endDate}. */
    private static Map<String, Object> partnershipVariables(LocalDate endDate) {
        LocalDate today = TestClock.today();
        LocalDate reviewFrom = endDate.minusDays(REVIEW_NOTICE_DAYS);
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnershipId", PARTNERSHIP_ID);
        variables.put("partnershipReference", "P-HOPE-20260401");
        variables.put("organisationName", "Hope Community Group");
        variables.put("commissionerGroup", COMMISSIONER_GROUP);
        variables.put("partnershipEndDate", endDate.toString());
        variables.put("partnershipEndsAt", ProcessDates.endOfDay(endDate, LONDON));
        variables.put("partnershipOverAt", ProcessDates.dayOver(endDate, LONDON));
        variables.put("reviewStartsAt", ProcessDates.startOfDay(reviewFrom.isBefore(today) ? today : reviewFrom, LONDON));
        return variables;
    }

    private static ProcessInstance enterIntoPartnership() {
        identityService().setAuthenticatedUserId("pat.admin");
        ProcessInstance partnership = runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                "organisationCode", "HOPE",
                "organisationName", "Hope Community Group",
                "organisationEmail", "office@hope.example",
                "startDate", "2026-04-01",
                "treatmentMinutes", 60));
        identityService().clearAuthentication();
        return partnership;
    }

    private static Job timerAt(ProcessInstance instance, String activityId) {
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(timer).as("timer job of " + activityId).isNotNull();
        return timer;
    }

    private static Job asyncJobAt(ProcessInstance instance, String activityId) {
        Job job = jobQuery().processInstanceId(instance.getId()).messages().activityId(activityId).singleResult();
        assertThat(job).as("async continuation job of " + activityId).isNotNull();
        return job;
    }

    private static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }

    /** Opens the review window: the timer fires at reviewStartsAt, then the review reminder mail job runs. */
    private Task openReviewWindow(ProcessInstance partnership, Date expectedReviewStartsAt, int mailsBefore) {
        assertThat(partnership).isWaitingAtExactly("Event_ReviewWindowOpens");
        assertThat(variable(partnership, "reviewStartsAt")).isEqualTo(expectedReviewStartsAt);
        Job reviewTimer = timerAt(partnership, "Event_ReviewWindowOpens");
        assertThat(reviewTimer.getDuedate()).isEqualTo(expectedReviewStartsAt);

        TestClock.setTo(reviewTimer.getDuedate());
        execute(reviewTimer);

        // X2: the reminder is an asynchronous job, retried if the mail server fails.
        assertThat(partnership).isWaitingAtExactly("Task_EmailReviewReminder");
        assertThat(reviewMail.callCount()).isEqualTo(mailsBefore);
        Job mailJob = asyncJobAt(partnership, "Task_EmailReviewReminder");
        assertThat(mailJob).hasRetries(5); // failedJobRetryTimeCycle R5/PT5M
        execute(mailJob);
        assertThat(reviewMail.callCount()).isEqualTo(mailsBefore + 1);
        assertThat(reviewMail.lastCall().variable("partnershipId")).isEqualTo(PARTNERSHIP_ID);

        assertThat(partnership).isWaitingAtExactly("Task_ReviewPartnership");
        return task(partnership);
    }

    @Test
    @DisplayName("R1 X1 X2 a partnership runs six months, is reviewed from four weeks before its end, extended once, "
            + "reviewed again, left to end, closed on its end date and its unbooked authorisations lapse")
    void extendedOnceThenClosedAtTheEndOfItsTerm() {
        ProcessInstance partnership = enterIntoPartnership();

        // R1: six months from 1 April 2026 is the end of 30 September 2026; the review opens 28 days earlier.
        assertThat(partnership).hasBusinessKey("P-HOPE-20260401");
        assertThat(enterIntoPartnership.callCount()).isEqualTo(1);
        assertThat(variable(partnership, "proposedBy")).isEqualTo("pat.admin");
        assertThat(variable(partnership, "partnershipEndDate")).isEqualTo("2026-09-30");
        assertThat(variable(partnership, "partnershipEndsAt")).isEqualTo(london("2026-09-30T23:59:59"));

        Task firstReview = openReviewWindow(partnership, london("2026-09-02T00:00"), 0);

        // R1 both sides review; X1 the review is due on the end date.
        assertThat(firstReview)
                .hasDefinitionKey("Task_ReviewPartnership")
                .hasCandidateGroup("partnership-admin")
                .hasCandidateGroup(COMMISSIONER_GROUP)
                .hasDueDate(london("2026-09-30T23:59:59"))
                .isNotAssigned();
        complete(firstReview, withVariables(
                "reviewDecision", "extend",
                "newEndDate", "2027-03-31",
                "reviewNotes", "Working well; extend to the end of the financial year."));

        // Extended: back to the review-window timer, now four weeks before the new end date.
        assertThat(extendPartnership.callCount()).isEqualTo(1);
        assertThat(partnership).hasPassed("Task_ExtendPartnership").hasNotPassed("Event_TermEnds");
        assertThat(variable(partnership, "partnershipEndDate")).isEqualTo("2027-03-31");
        assertThat(variable(partnership, "reviewDecision")).isNull();
        assertThat(variable(partnership, "newEndDate")).isNull();

        Task secondReview = openReviewWindow(partnership, london("2027-03-03T00:00"), 1);
        assertThat(secondReview)
                .hasCandidateGroup("partnership-admin")
                .hasCandidateGroup(COMMISSIONER_GROUP)
                .hasDueDate(london("2027-03-31T23:59:59"));
        TestClock.setTo("2027-03-20T11:00");
        complete(secondReview, withVariables("reviewDecision", "close", "reviewNotes", "Funding ends."));

        // Let it end: nothing is closed before the end date; the term-end timer fires once that day is over.
        assertThat(partnership).isWaitingAtExactly("Event_TermEnds");
        assertThat(closePartnership.callCount()).isZero();
        assertThat(lapseUnbookedAuthorisations.callCount()).isZero();
        Job termEnds = timerAt(partnership, "Event_TermEnds");
        assertThat(termEnds.getDuedate()).isEqualTo(variable(partnership, "partnershipOverAt"))
                .isEqualTo(london("2027-04-01T00:00"));

        TestClock.setTo(termEnds.getDuedate());
        execute(termEnds);
        executeCloseJob(partnership);

        assertThat(closePartnership.callCount()).isEqualTo(1);
        assertThat(closePartnership.lastCall().variable("reviewNotes")).isEqualTo("Funding ends.");
        assertThat(lapseUnbookedAuthorisations.callCount()).isEqualTo(1);
        assertThat(lapseUnbookedAuthorisations.lastCall().activityId()).isEqualTo("Event_AuthorisationsLapse");
        assertThat(lapseUnbookedAuthorisations.lastCall().variable("partnershipId")).isEqualTo(PARTNERSHIP_ID);
        assertThat(partnership)
                .hasPassedInOrder("Task_EnterIntoPartnership", "Event_ReviewWindowOpens", "Task_EmailReviewReminder",
                        "Task_ReviewPartnership", "Task_ExtendPartnership", "Event_ReviewWindowOpens",
                        "Task_EmailReviewReminder", "Task_ReviewPartnership", "Event_TermEnds",
                        "Task_ClosePartnership", "Event_AuthorisationsLapse", "EndEvent_PartnershipClosed")
                .isEnded();
        assertThat(reviewMail.callCount()).isEqualTo(2);
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(partnership.getId())
                .taskDefinitionKey("Task_ReviewPartnership").count()).isEqualTo(2);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(partnership.getId())
                .activityId("Task_ClosePartnership").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("R1 a review completed early to let the partnership end waits for the end date: no close before it")
    void lettingItEndWaitsForTheEndDate() {
        ProcessInstance partnership = enterIntoPartnership();
        Task review = openReviewWindow(partnership, london("2026-09-02T00:00"), 0);
        TestClock.setTo("2026-09-10T15:00");
        complete(review, withVariables("reviewDecision", "close"));

        assertThat(partnership).isWaitingAtExactly("Event_TermEnds").hasNotPassed("Task_ExtendPartnership");
        Job termEnds = timerAt(partnership, "Event_TermEnds");
        assertThat(termEnds.getDuedate()).isEqualTo(london("2026-10-01T00:00"));
        // Not yet due: the engine would not pick it up on the last day of the term.
        TestClock.setTo("2026-09-30T23:59");
        assertThat(jobQuery().processInstanceId(partnership.getId()).executable().count()).isZero();

        TestClock.setTo("2026-10-01T00:00");
        assertThat(jobQuery().processInstanceId(partnership.getId()).executable().count()).isEqualTo(1);
        execute(termEnds);
        executeCloseJob(partnership);
        assertThat(closePartnership.callCount()).isEqualTo(1);
        assertThat(partnership).hasPassed("EndEvent_PartnershipClosed").isEnded();
    }

    @Test
    @DisplayName("R1 an extension to a date not after the current end is refused and the review stays open")
    void extensionMustMoveTheEndDateLater() {
        ProcessInstance partnership = enterIntoPartnership();
        Task review = openReviewWindow(partnership, london("2026-09-02T00:00"), 0);

        assertThatThrownBy(() -> complete(review, withVariables(
                        "reviewDecision", "extend", "newEndDate", "2026-09-30")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("R1:");

        assertThat(partnership).isWaitingAtExactly("Task_ReviewPartnership");
        assertThat(task(partnership).getId()).isEqualTo(review.getId());
        assertThat(variable(partnership, "partnershipEndDate")).isEqualTo("2026-09-30");
    }

    @Test
    @Deployment(resources = {"processes/partnership-term.bpmn", "processes/referral.bpmn"})
    @DisplayName("R1 when the partnership closes, the referrals of that partnership waiting to book lapse; "
            + "referrals of another partnership carry on")
    void closingLapsesTheReferralsOfThisPartnershipOnly() {
        FakeTaskListener.register("bookingOptionsListener", task -> task.getExecution().removeVariable("appointmentAt"));
        FakeDelegate lapseReferral = FakeDelegate.register("lapseReferralDelegate",
                execution -> ProcessVariables.id(execution, "referralId"));
        ProcessInstance referralOfThisPartnership = referralWaitingToBook("R-HOPE-00001", 101L, PARTNERSHIP_ID);
        ProcessInstance referralOfAnotherPartnership = referralWaitingToBook("R-IXW-00001", 201L, 8L);

        ProcessInstance partnership = enterIntoPartnership();
        Task review = openReviewWindow(partnership, london("2026-09-02T00:00"), 0);
        complete(review, withVariables("reviewDecision", "close"));
        Job termEnds = timerAt(partnership, "Event_TermEnds");
        TestClock.setTo(termEnds.getDuedate());
        execute(termEnds);
        executeCloseJob(partnership);

        assertThat(partnership).isEnded();
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(partnership.getId())
                .variableName("referralsLapsed").singleResult().getValue()).isEqualTo(1);
        assertThat(lapseReferral.callCount()).isEqualTo(1);
        assertThat(lapseReferral.lastCall().variable("referralId")).isEqualTo(101L);
        assertThat(referralOfThisPartnership)
                .hasPassed("Event_PartnershipEnded", "Task_LapseAuthorisation", "EndEvent_AuthorisationLapsed")
                .isEnded();
        assertThat(referralOfAnotherPartnership).isWaitingAtExactly("Task_BookAppointment");
    }

    private static ProcessInstance referralWaitingToBook(String referralNumber, long referralId, long partnershipId) {
        return runtimeService().createProcessInstanceByKey("referral")
                .businessKey(referralNumber)
                .setVariable("referralId", referralId)
                .setVariable("referralNumber", referralNumber)
                .setVariable("partnershipId", partnershipId)
                .setVariable("partnershipEndsAt", london("2026-09-30T23:59:59"))
                .setVariable("treatmentsRemaining", 4)
                .startBeforeActivity("Task_BookAppointment")
                .execute();
    }

    @Test
    @DisplayName("R1 X1 a partnership whose review is still open at its end date ends anyway and its unbooked referrals lapse")
    void reviewNotDoneByTheEndDate() {
        ProcessInstance partnership = enterIntoPartnership();
        openReviewWindow(partnership, london("2026-09-02T00:00"), 0);
        Job overrun = timerAt(partnership, "Event_ReviewOverrun");
        assertThat(overrun.getDuedate()).isEqualTo(variable(partnership, "partnershipOverAt"))
                .isEqualTo(london("2026-10-01T00:00"));

        TestClock.setTo(overrun.getDuedate());
        execute(overrun);
        executeCloseJob(partnership);

        assertThat(closePartnership.callCount()).isEqualTo(1);
        assertThat(lapseUnbookedAuthorisations.callCount()).isEqualTo(1);
        assertThat(partnership).isEnded().hasPassed("Event_ReviewOverrun", "EndEvent_PartnershipClosed")
                .hasNotPassed("Gateway_ReviewDecision");
    }

    /** Closing runs as its own asynchronous job, retried on failure (X2-style robustness). */
    private static void executeCloseJob(ProcessInstance partnership) {
        assertThat(partnership).isWaitingAt("Task_ClosePartnership");
        Job close = jobQuery().processInstanceId(partnership.getId()).activityId("Task_ClosePartnership").singleResult();
        assertThat(close).hasRetries(5);
        execute(close);
    }
}
