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
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.carecommissioning.support.ProcessSteps.variable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.referral.ReferralBeans;
import org.carecommissioning.referral.ReferralService;
import org.carecommissioning.referral.TreatmentSessionService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.SystemAuthority;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * processes/partnership-term.bpmn on a plain in-memory engine: the partnership's six-month term, the review
 * window timer, the review (extend or let it end), the end-of-term timer and the lapse of unbooked authorisations.
 * The REAL delegate beans run, registered with Camunda's {@link Mocks}; the services they call
 * ({@link PartnershipService}, {@link OrganisationService}, {@link NotificationService}) are Mockito mocks.
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
    private static final long ORGANISATION_ID = 3L;
    private static final int REVIEW_NOTICE_DAYS = 28; // care.partnership.review-notice-days

    private static final String ORGANISATION_EMAIL = "office@hope.example";

    private PartnershipService partnerships;
    private NotificationService notifications;
    private CareProperties care;
    private Partnership partnershipRecord;
    /** The partnership's end date as PartnershipService has recorded it so far (the mocked entity's state). */
    private LocalDate endDate;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-04-01T09:00");
        partnerships = mock(PartnershipService.class);
        notifications = mock(NotificationService.class);
        OrganisationService organisations = mock(OrganisationService.class);
        care = new CareProperties(LONDON, null, null, new CareProperties.Provider("Care Commissioning", null));
        PartnershipProperties settings = new PartnershipProperties(REVIEW_NOTICE_DAYS);
        // the engine's clock, which TestClock sets, is the application's clock here
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(LONDON);
        // the delegate lapsing the referrals correlates as the system, not as the user who ended the term
        SystemAuthority system = mock(SystemAuthority.class);
        when(system.call(any())).thenAnswer(invocation -> invocation.<Supplier<?>>getArgument(0).get());

        Organisation hope = mock(Organisation.class);
        when(hope.getName()).thenReturn("Hope Community Group");
        when(hope.getGroupId()).thenReturn(COMMISSIONER_GROUP);
        when(hope.getEmail()).thenReturn(ORGANISATION_EMAIL);
        when(organisations.get(ORGANISATION_ID)).thenReturn(hope);
        partnershipRecord = mock(Partnership.class);
        when(partnershipRecord.getId()).thenReturn(PARTNERSHIP_ID);
        when(partnershipRecord.getReference()).thenReturn("P-HOPE-20260401");
        when(partnershipRecord.getCommissioningOrganisationId()).thenReturn(ORGANISATION_ID);
        when(partnershipRecord.getEndDate()).thenAnswer(invocation -> endDate);
        when(partnerships.enterInto(any(), any(), any(), any(), any())).thenAnswer(invocation -> {
            // R1: six months from the start date (PartnershipService's rule)
            endDate = invocation.<LocalDate>getArgument(3).plusMonths(6).minusDays(1);
            return partnershipRecord;
        });
        when(partnerships.extend(eq(PARTNERSHIP_ID), any(), any())).thenAnswer(invocation -> {
            endDate = invocation.getArgument(1);
            return partnershipRecord;
        });
        when(partnerships.get(PARTNERSHIP_ID)).thenReturn(partnershipRecord);
        when(partnerships.close(any(), any())).thenReturn(partnershipRecord);

        // the real beans, under the names the model's delegateExpressions use
        Mocks.register("enterIntoPartnershipDelegate",
                new EnterIntoPartnershipDelegate(partnerships, organisations, care, settings, clock));
        Mocks.register("partnershipReviewMailDelegate",
                new PartnershipReviewMailDelegate(partnerships, organisations, notifications, care));
        Mocks.register("extendPartnershipDelegate",
                new ExtendPartnershipDelegate(partnerships, organisations, care, settings, clock));
        Mocks.register("closePartnershipDelegate", new ClosePartnershipDelegate(partnerships));
        Mocks.register("reviewDecisionListener", new ReviewDecisionListener());
        Mocks.register("lapseUnbookedAuthorisationsDelegate",
                ReferralBeans.lapseUnbookedAuthorisations(runtimeService(), system));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    /** The review reminders e-mailed to the commissioning organisation. */
    private List<Email> reviewMails() {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, atLeast(0)).send(sent.capture());
        return sent.getAllValues();
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
        assertThat(reviewMails()).hasSize(mailsBefore);
        Job mailJob = asyncJobAt(partnership, "Task_EmailReviewReminder");
        assertThat(mailJob).hasRetries(5); // failedJobRetryTimeCycle R5/PT5M
        execute(mailJob);
        assertThat(reviewMails()).hasSize(mailsBefore + 1);
        Email reminder = reviewMails().get(mailsBefore);
        assertThat(reminder.to()).isEqualTo(ORGANISATION_EMAIL);
        assertThat(reminder.template()).isEqualTo("partnership-review-due");
        assertThat(Map.<String, Object>copyOf(reminder.model()))
                .containsEntry("partnershipReference", "P-HOPE-20260401")
                .containsEntry("partnershipEndDate", DisplayDates.date(endDate));

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
        verify(partnerships).enterInto("HOPE", "Hope Community Group", ORGANISATION_EMAIL, LocalDate.of(2026, 4, 1), 60);
        assertThat(partnership).variables()
                .containsEntry("partnershipId", PARTNERSHIP_ID)
                .containsEntry("partnershipReference", "P-HOPE-20260401")
                .containsEntry("commissionerGroup", COMMISSIONER_GROUP)
                .containsEntry("partnershipOverAt", london("2026-10-01T00:00"));
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
        verify(partnerships).extend(PARTNERSHIP_ID, LocalDate.of(2027, 3, 31),
                "Working well; extend to the end of the financial year.");
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
        verify(partnerships, never()).close(any(), any());
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(partnership.getId())
                .variableName("referralsLapsed").count()).isZero();
        Job termEnds = timerAt(partnership, "Event_TermEnds");
        assertThat(termEnds.getDuedate()).isEqualTo(variable(partnership, "partnershipOverAt"))
                .isEqualTo(london("2027-04-01T00:00"));

        TestClock.setTo(termEnds.getDuedate());
        execute(termEnds);
        executeCloseJob(partnership);

        verify(partnerships).close(PARTNERSHIP_ID, "Funding ends.");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(partnership.getId())
                .variableName("referralsLapsed").singleResult().getValue()).as("no referral was waiting").isEqualTo(0);
        assertThat(partnership)
                .hasPassedInOrder("Task_EnterIntoPartnership", "Event_ReviewWindowOpens", "Task_EmailReviewReminder",
                        "Task_ReviewPartnership", "Task_ExtendPartnership", "Event_ReviewWindowOpens",
                        "Task_EmailReviewReminder", "Task_ReviewPartnership", "Event_TermEnds",
                        "Task_ClosePartnership", "Event_AuthorisationsLapse", "EndEvent_PartnershipClosed")
                .isEnded();
        assertThat(reviewMails()).extracting(email -> (Object) email.model().get("partnershipEndDate"))
                .containsExactly(DisplayDates.date(LocalDate.of(2026, 9, 30)), DisplayDates.date(LocalDate.of(2027, 3, 31)));
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
        verify(partnerships).close(PARTNERSHIP_ID, null);
        assertThat(partnership).hasPassed("EndEvent_PartnershipClosed").isEnded();
    }

    @Test
    @DisplayName("R1 a review without a known choice, or an extension without its new end date, is refused: nothing "
            + "but a real \"let it end\" lets a partnership end")
    void reviewNeedsAKnownChoice() {
        ProcessInstance partnership = enterIntoPartnership();
        Task review = openReviewWindow(partnership, london("2026-09-02T00:00"), 0);

        assertThatThrownBy(() -> complete(review, withVariables("reviewDecision", "extnd")))
                .hasRootCauseInstanceOf(BusinessRuleViolation.class)
                .hasRootCauseMessage("R1: Choose whether to extend the partnership or let it end.");
        assertThatThrownBy(() -> complete(review, withVariables("reviewNotes", "Undecided")))
                .hasRootCauseInstanceOf(BusinessRuleViolation.class)
                .hasRootCauseMessage("R1: Choose whether to extend the partnership or let it end.");
        assertThatThrownBy(() -> complete(review, withVariables("reviewDecision", "extend", "newEndDate", "30/09/2027")))
                .rootCause().isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("R1: The new end date");

        // the task listener's refusal reaches REST callers as 400 with this sentence (ErrorCauses finds it)
        assertThat(partnership).isWaitingAtExactly("Task_ReviewPartnership").hasNotPassed("Gateway_ReviewDecision");
        verify(partnerships, never()).extend(any(), any(), any());
        verify(partnerships, never()).close(any(), any());
    }

    @Test
    @DisplayName("R1 an extension to a date not after the current end is refused and the review stays open")
    void extensionMustMoveTheEndDateLater() {
        ProcessInstance partnership = enterIntoPartnership();
        Task review = openReviewWindow(partnership, london("2026-09-02T00:00"), 0);
        // R1 is PartnershipService's rule
        when(partnerships.extend(PARTNERSHIP_ID, LocalDate.of(2026, 9, 30), null))
                .thenThrow(new BusinessRuleViolation("R1", "The new end date must be after 2026-09-30."));

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
        // the referral model's own beans, real too, on mocked referral services
        TreatmentSessionService sessions = mock(TreatmentSessionService.class);
        ReferralService referrals = mock(ReferralService.class);
        Mocks.register("bookingOptionsListener", ReferralBeans.bookingOptions(sessions, partnerships, care));
        Mocks.register("lapseReferralDelegate", ReferralBeans.lapseReferral(referrals));
        endDate = LocalDate.of(2026, 9, 30);
        Partnership another = mock(Partnership.class);
        when(another.getEndDate()).thenReturn(LocalDate.of(2026, 12, 31));
        when(partnerships.get(8L)).thenReturn(another);
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
        verify(referrals).lapse(101L);
        verify(referrals, times(1)).lapse(any());
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

        verify(partnerships).close(PARTNERSHIP_ID, null);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(partnership.getId())
                .variableName("referralsLapsed").count()).as("the authorisations lapse step ran").isEqualTo(1);
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
