package org.carecommissioning.referral;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.testing.TestClock.LONDON;
import static org.carecommissioning.testing.TestClock.london;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/referral.bpmn with the REAL decision tables treatment-plan, evaluation-forms and cancellation-charge
 * (dmn/*.dmn), on a plain in-memory engine. The delegates and task listeners are test doubles that keep a tiny
 * in-memory referral (treatments authorised and used, sessions booked) and set the same variables as the real
 * Spring beans, so every gateway is decided as in production.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "processes/referral.bpmn",
        "dmn/treatment-plan.dmn",
        "dmn/evaluation-forms.dmn",
        "dmn/cancellation-charge.dmn"})
@DisplayName("referral process with the real DMN tables (R1-R8, X1-X3)")
class ReferralProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String PROCESS = "referral";
    private static final int TREATMENT_MINUTES = 60; // R5
    private static final LocalDate HOPE_PARTNERSHIP_ENDS = LocalDate.of(2026, 9, 30);

    /** Partnerships of the two commissioning organisations used here: id, group, end date. */
    private record PartnershipFixture(long id, String commissionerGroup, LocalDate endDate) {
    }

    private static final Map<String, PartnershipFixture> PARTNERSHIPS = Map.of(
            "HOPE", new PartnershipFixture(7L, "co-hope", HOPE_PARTNERSHIP_ENDS),
            "IXW", new PartnershipFixture(8L, "co-ixw", LocalDate.of(2026, 12, 31)));

    /** Therapists on the project: id (the booking form's value), full name, Camunda user id. */
    private record TherapistFixture(String name, String userId) {
    }

    private static final Map<Long, TherapistFixture> THERAPISTS = Map.of(
            3L, new TherapistFixture("Sam Jones", "sam.jones"),
            4L, new TherapistFixture("Alex Khan", "alex.khan"));

    // --- the in-memory referral the fakes keep, as ReferralService / TreatmentSessionService would -------------

    private final Map<Long, ReferralState> referrals = new HashMap<>();
    private final Map<Long, SessionState> sessions = new HashMap<>();
    private long nextReferralId = 101;
    private long nextSessionId = 501;
    /** When set, the outcome fake reports these notice hours instead of computing them (see reportNoticeHours). */
    private Double reportedNoticeHours;

    private static final class ReferralState {
        final long id;
        final String number;
        final PartnershipFixture partnership;
        int treatmentsAuthorised;
        int treatmentsUsed;
        String status = "REFERRED";

        ReferralState(long id, String number, PartnershipFixture partnership) {
            this.id = id;
            this.number = number;
            this.partnership = partnership;
        }

        int treatmentsRemaining() {
            return treatmentsAuthorised - treatmentsUsed;
        }
    }

    private record SessionState(long referralId, int sessionNumber, LocalDateTime startsAt, long therapistId) {
    }

    private FakeDelegate registerReferral;
    private FakeDelegate declineReferral;
    private FakeDelegate recordAuthorisation;
    private FakeDelegate referralAuthorisedMail;
    private FakeTaskListener bookingOptions;
    private FakeDelegate scheduleSession;
    private FakeDelegate appointmentBookedMail;
    private FakeDelegate registerSessionOutcome;
    private FakeDelegate applyCancellationCharge;
    private FakeTaskListener treatmentDiary;
    private FakeDelegate completeTreatmentPlan;
    private FakeDelegate lapseReferral;
    /** The real client-mail delegates run against this mock (X2, Tasklist 7). */
    private ClientMails clientMails;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-04-01T09:00");

        registerReferral = FakeDelegate.register("registerReferralDelegate", execution -> {
            String code = (String) execution.getVariable("organisationCode");
            PartnershipFixture partnership = PARTNERSHIPS.get(code);
            if (partnership == null) {
                throw new BusinessRuleViolation("R1", code + " has no live partnership with the provider.");
            }
            long id = nextReferralId++;
            ReferralState referral = new ReferralState(id, String.format("R-%s-%05d", code, id - 100), partnership);
            referrals.put(id, referral);
            execution.setProcessBusinessKey(referral.number);
            execution.setVariable("referralId", id);
            execution.setVariable("referralNumber", referral.number);
            execution.setVariable("partnershipId", partnership.id());
            execution.setVariable("commissionerGroup", partnership.commissionerGroup());
            execution.setVariable("partnershipEndDate", partnership.endDate().toString());
            execution.setVariable("partnershipEndsAt", ProcessDates.endOfDay(partnership.endDate(), LONDON));
        });

        declineReferral = FakeDelegate.register("declineReferralDelegate", execution -> {
            ReferralState referral = referral(execution.getVariable("referralId"));
            if (FormValues.text(execution.getVariable("declineReason")) == null) {
                throw new BusinessRuleViolation("R2", "Say why the client is not eligible.");
            }
            referral.status = "DECLINED";
        });

        recordAuthorisation = FakeDelegate.register("recordAuthorisationDelegate", execution -> {
            // As RecordAuthorisationDelegate + ReferralService.authorise: refuse what the tables refuse.
            Map<String, Object> plan = ProcessVariables.decision(execution, "treatmentPlan");
            Map<String, Object> forms = ProcessVariables.decision(execution, "evaluationForms");
            Integer treatments = FormValues.integer(execution.getVariable("treatmentsAuthorised"), "R3",
                    "The number of treatments");
            if (treatments == null || !Boolean.TRUE.equals(plan.get("allowed"))) {
                throw new BusinessRuleViolation("R3", "A treatment plan is a one-off treatment (1) or a series of 4, 5"
                        + " or 6 treatments; " + (treatments == null ? "no number" : treatments)
                        + " cannot be authorised.");
            }
            if (forms.get("finalForm") == null) {
                throw new BusinessRuleViolation("R8", "The evaluation-forms table has no rule for " + treatments
                        + " treatments; ask a business analyst to check it.");
            }
            Number contribution = FormValues.number(execution.getVariable("clientContributionPounds"), "R9",
                    "The client's contribution");
            if (contribution == null || contribution.doubleValue() < 0 || contribution.doubleValue() > 20) {
                throw new BusinessRuleViolation("R9", "The client's contribution must be between £0.00 and £20.00.");
            }
            ReferralState referral = referral(execution.getVariable("referralId"));
            referral.treatmentsAuthorised = treatments;
            referral.status = "AUTHORISED";
            execution.setVariable("planType", plan.get("planType"));
            execution.setVariable("diaryAfterEachTreatment", Boolean.TRUE.equals(forms.get("diaryAfterEachTreatment")));
            execution.setVariable("finalForm", forms.get("finalForm"));
            execution.setVariable("treatmentsRemaining", referral.treatmentsRemaining());
            execution.removeVariable("treatmentPlan");
            execution.removeVariable("evaluationForms");
        });

        referralAuthorisedMail = FakeDelegate.register("referralAuthorisedMailDelegate",
                execution -> referral(execution.getVariable("referralId")));

        // the real one: it has no dependencies, and it is what turns a typed count into the table's whole number
        Mocks.register("authorisationFormListener", new AuthorisationFormListener());

        bookingOptions = FakeTaskListener.register("bookingOptionsListener", task -> {
            task.getExecution().setVariable("therapistOptions", SpinValues.jsonValue(
                    "[{\"label\":\"Sam Jones\",\"value\":\"3\"},{\"label\":\"Alex Khan\",\"value\":\"4\"}]").create());
            task.getExecution().removeVariable("appointmentAt");
        });

        scheduleSession = FakeDelegate.register("scheduleSessionDelegate", execution -> {
            ReferralState referral = referral(execution.getVariable("referralId"));
            Object therapist = execution.getVariable("therapistId");
            if (therapist == null || therapist.toString().isBlank()) {
                throw new BusinessRuleViolation("R4", "Choose a therapist available on this project.");
            }
            long therapistId = Long.parseLong(therapist.toString());
            TherapistFixture booked = THERAPISTS.get(therapistId);
            LocalDateTime startsAt = FormValues.dateTime(execution.getVariable("appointmentAt"), LONDON, "R4",
                    "The appointment time");
            if (startsAt == null) {
                throw new BusinessRuleViolation("R4", "The appointment time is required.");
            }
            if (startsAt.toLocalDate().isAfter(referral.partnership.endDate())) {
                throw new BusinessRuleViolation("R1", "No treatment may be booked after the partnership ends on "
                        + referral.partnership.endDate() + ".");
            }
            long sessionId = nextSessionId++;
            int sessionNumber = (int) sessions.values().stream().filter(s -> s.referralId() == referral.id).count() + 1;
            sessions.put(sessionId, new SessionState(referral.id, sessionNumber, startsAt, therapistId));
            execution.setVariable("sessionId", sessionId);
            execution.setVariable("sessionNumber", sessionNumber);
            execution.setVariable("appointmentAt", startsAt.toString());
            execution.setVariable("sessionEndsAt", ProcessDates.endOfDayNotBefore(startsAt.toLocalDate(),
                    TestClock.today(), LONDON));
            execution.setVariable("therapistName", booked.name());
            execution.setVariable("therapistUserId", booked.userId());
        });

        appointmentBookedMail = FakeDelegate.register("appointmentBookedMailDelegate",
                execution -> session(execution.getVariable("sessionId")));
        clientMails = mock(ClientMails.class);
        Mocks.register("clientBookingMailDelegate", new ClientBookingMailDelegate(clientMails));
        Mocks.register("clientCancellationMailDelegate", new ClientCancellationMailDelegate(clientMails));

        registerSessionOutcome = FakeDelegate.register("registerSessionOutcomeDelegate", execution -> {
            // As RegisterSessionOutcomeDelegate + TreatmentSessionService.recordOutcome.
            SessionOutcome outcome = SessionOutcome.fromFormValue(FormValues.text(execution.getVariable("sessionOutcome")));
            SessionState session = session(execution.getVariable("sessionId"));
            ReferralState referral = referrals.get(session.referralId());
            LocalDateTime now = TestClock.now();
            Long noticeMinutes = null;
            if (outcome.isCancellation()) {
                LocalDateTime notifiedAt = FormValues.dateTime(execution.getVariable("cancellationNotifiedAt"), LONDON,
                        "R6", "The time the cancellation was notified");
                if (notifiedAt == null) {
                    throw new BusinessRuleViolation("R6", "Give the date and time the cancellation was notified.");
                }
                if (notifiedAt.isAfter(session.startsAt()) || notifiedAt.isAfter(now)) {
                    throw new BusinessRuleViolation("R6", "The cancellation time " + notifiedAt + " is not possible.");
                }
                noticeMinutes = Duration.between(notifiedAt, session.startsAt()).toMinutes();
            } else {
                if (session.startsAt().isAfter(now)) {
                    throw new BusinessRuleViolation("R6", "The appointment at " + session.startsAt()
                            + " has not started yet; record attendance once it has taken place.");
                }
                if (outcome == SessionOutcome.NOT_ATTENDED) {
                    noticeMinutes = 0L;
                }
            }
            if (outcome == SessionOutcome.ATTENDED) {
                referral.treatmentsUsed++; // R10: a treatment given is chargeable and uses one authorised treatment
            }
            double noticeHours = reportedNoticeHours != null ? reportedNoticeHours
                    : noticeMinutes == null ? 0 : noticeMinutes / 60.0;
            execution.setVariable("sessionAttended", outcome == SessionOutcome.ATTENDED);
            execution.setVariable("evaluationDueAt", ProcessDates.endOfDayNotBefore(session.startsAt().toLocalDate(),
                    TestClock.today(), LONDON));
            execution.setVariable("cancelledBy", outcome.cancelledBy());
            execution.setVariable("noticeHours", noticeHours);
            execution.setVariable("treatmentsRemaining", referral.treatmentsRemaining());
            execution.removeVariable("sessionOutcome");
            execution.removeVariable("cancellationNotifiedAt");
            execution.removeVariable("outcomeNotes");
        });

        applyCancellationCharge = FakeDelegate.register("applyCancellationChargeDelegate", execution -> {
            Map<String, Object> charge = ProcessVariables.decision(execution, "cancellationCharge");
            if (charge.isEmpty()) {
                throw new IllegalStateException("The cancellation-charge table has no rule for "
                        + execution.getVariable("cancelledBy") + " with " + execution.getVariable("noticeHours")
                        + " hours' notice; ask a business analyst to check it.");
            }
            boolean chargeable = Boolean.TRUE.equals(charge.get("chargeable"));
            boolean usesTreatment = Boolean.TRUE.equals(charge.get("usesTreatment"));
            boolean reschedule = Boolean.TRUE.equals(charge.get("reschedule"));
            SessionState session = session(execution.getVariable("sessionId"));
            ReferralState referral = referrals.get(session.referralId());
            if (usesTreatment) {
                referral.treatmentsUsed++;
            }
            execution.setVariable("reschedule", reschedule);
            execution.setVariable("treatmentsRemaining", referral.treatmentsRemaining());
            execution.setVariable("lastOutcomeMessage", "Session " + session.sessionNumber() + ": "
                    + (chargeable ? "charged to the commissioning organisation." : "not charged.")
                    + (reschedule ? " Please rebook it with the client." : ""));
            execution.removeVariable("cancellationCharge");
        });

        treatmentDiary = FakeTaskListener.register("treatmentDiaryListener", task -> {
            session(task.getVariable("sessionId"));
            if (FormValues.text(task.getVariable("diaryEntry")) == null) {
                throw new BusinessRuleViolation("R8", "Write the treatment diary entry for this session.");
            }
            FormValues.integer(task.getVariable("wellbeingScore"), "R8", "The wellbeing score");
            task.getExecution().removeVariable("diaryEntry");
            task.getExecution().removeVariable("wellbeingScore");
        });

        completeTreatmentPlan = FakeDelegate.register("completeTreatmentPlanDelegate", execution -> {
            ReferralState referral = referral(execution.getVariable("referralId"));
            boolean declined = FormValues.flag(execution.getVariable("clientDeclinedEvaluation"));
            Integer rating = FormValues.integer(execution.getVariable("benefitRating"), "R8", "The benefit rating");
            if (!declined && (rating == null || rating < 1 || rating > 5)) {
                throw new BusinessRuleViolation("R8", "Give the client's benefit rating from 1 to 5, or tick that the"
                        + " client declined the evaluation.");
            }
            referral.status = "COMPLETED";
        });

        lapseReferral = FakeDelegate.register("lapseReferralDelegate",
                execution -> referral(execution.getVariable("referralId")).status = "LAPSED");

        partnershipLive = true;
        FakeDelegate.register("checkPartnershipLiveDelegate",
                execution -> execution.setVariable("partnershipLive", partnershipLive));
    }

    /** What the fake partnership check answers: whether the referral's partnership is still live (R1). */
    private boolean partnershipLive;

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    private ReferralState referral(Object referralId) {
        ReferralState referral = referrals.get(((Number) referralId).longValue());
        if (referral == null) {
            throw new IllegalStateException("No referral " + referralId);
        }
        return referral;
    }

    private SessionState session(Object sessionId) {
        SessionState session = sessions.get(((Number) sessionId).longValue());
        if (session == null) {
            throw new IllegalStateException("No session " + sessionId);
        }
        return session;
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    private ProcessInstance refer(String organisationCode) {
        identityService().setAuthenticatedUserId("jo.commissioner");
        ProcessInstance referral = runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                "organisationCode", organisationCode,
                "serviceUserName", "Chris Taylor",
                "membershipNumber", "M-1234",
                "serviceUserPhone", "01234 567890",
                "referralReason", "Stress after bereavement"));
        identityService().clearAuthentication();
        assertThat(referral).isWaitingAtExactly("Task_ConfirmEligibility");
        return referral;
    }

    private static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }

    private static Job asyncJobAt(ProcessInstance instance, String activityId) {
        Job job = jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("async continuation job of " + activityId).isNotNull();
        assertThat(job).hasRetries(5); // failedJobRetryTimeCycle R5/PT5M
        return job;
    }

    /** Confirms eligibility and authorises the count; the authorisation mail is an async job (X2). */
    private void authorise(ProcessInstance referral, int treatments) {
        Task confirm = task(referral);
        assertThat(confirm).hasDefinitionKey("Task_ConfirmEligibility")
                .hasCandidateGroup((String) variable(referral, "commissionerGroup"));
        complete(confirm, withVariables(
                "eligibilityConfirmed", true,
                "treatmentsAuthorised", treatments,
                "clientContributionPounds", 5));

        assertThat(referral).isWaitingAtExactly("Task_EmailAuthorisation");
        int mailsBefore = referralAuthorisedMail.callCount();
        execute(asyncJobAt(referral, "Task_EmailAuthorisation"));
        assertThat(referralAuthorisedMail.callCount()).isEqualTo(mailsBefore + 1);
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment");
    }

    /** Books the appointment on the booking task; the therapist's mail is an async job (X2). */
    private Task book(ProcessInstance referral, String appointmentAt, long therapistId) {
        Task booking = task(referral);
        assertThat(booking)
                .hasDefinitionKey("Task_BookAppointment")
                .hasCandidateGroup("coordinator")
                .hasDueDate(london("2026-09-30T23:59:59")); // X1 R1: due on the partnership's last day
        assertThat(variable(referral, "appointmentAt")).as("the previous appointment time is cleared").isNull();
        SpinJsonNode options = (SpinJsonNode) variable(referral, "therapistOptions");
        assertThat(options.elements()).hasSize(2);
        complete(booking, withVariables("therapistId", String.valueOf(therapistId), "appointmentAt", appointmentAt));

        assertThat(referral).isWaitingAtExactly("Task_EmailBookingToTherapist");
        int mailsBefore = appointmentBookedMail.callCount();
        execute(asyncJobAt(referral, "Task_EmailBookingToTherapist"));
        assertThat(appointmentBookedMail.callCount()).isEqualTo(mailsBefore + 1);
        // Tasklist 7, X2: then the client's own e-mail, a step of its own
        assertThat(referral).isWaitingAtExactly("Task_EmailBookingToClient");
        long sessionId = ((Number) variable(referral, "sessionId")).longValue();
        execute(asyncJobAt(referral, "Task_EmailBookingToClient"));
        verify(clientMails).booked(sessionId);

        assertThat(referral).isWaitingAtExactly("Task_RecordSessionOutcome");
        Task outcome = task(referral);
        Object sessionEndsAt = variable(referral, "sessionEndsAt");
        assertThat(sessionEndsAt).as("X1 the end of the session's day")
                .isEqualTo(london(LocalDateTime.parse(appointmentAt).toLocalDate() + "T23:59:59"));
        assertThat(outcome)
                .hasCandidateGroup("coordinator")
                .hasDueDate((Date) sessionEndsAt); // X1: the outcome is due on the session's day
        return outcome;
    }

    private void attend(ProcessInstance referral, String appointmentAt) {
        book(referral, appointmentAt, 3L);
        TestClock.setTo(LocalDateTime.parse(appointmentAt).plusMinutes(70).toString());
        complete(task(referral), withVariables("sessionOutcome", "attended", "outcomeNotes", "Went well"));
    }

    private void cancel(ProcessInstance referral, String outcome, String notifiedAt) {
        TestClock.setTo(LocalDateTime.parse(notifiedAt).plusMinutes(5).toString());
        complete(task(referral), withVariables("sessionOutcome", outcome, "cancellationNotifiedAt", notifiedAt));
        sendCancellationMail(referral);
    }

    /** Tasklist 7, X2: after the charge, the client's cancellation e-mail is an async step of its own. */
    private void sendCancellationMail(ProcessInstance referral) {
        assertThat(referral).isWaitingAtExactly("Task_EmailCancellationToClient");
        long sessionId = ((Number) variable(referral, "sessionId")).longValue();
        boolean reschedule = (Boolean) variable(referral, "reschedule");
        execute(asyncJobAt(referral, "Task_EmailCancellationToClient"));
        verify(clientMails).cancelled(sessionId, reschedule);
    }

    private void completeDiary(ProcessInstance referral, String therapistUserId) {
        assertThat(referral).isWaitingAtExactly("Task_RecordTreatmentDiary");
        Task diary = task(referral);
        assertThat(diary).isAssignedTo(therapistUserId); // R8: the therapist who gave the treatment writes it
        complete(diary, withVariables("diaryEntry", "Relaxed, sleeping better", "wellbeingScore", 7));
    }

    private static List<HistoricDecisionInstance> decisions(ProcessInstance instance, String decisionKey) {
        return historyService().createHistoricDecisionInstanceQuery()
                .processInstanceId(instance.getId())
                .decisionDefinitionKey(decisionKey)
                .includeInputs()
                .includeOutputs()
                .orderByEvaluationTime().asc()
                .list();
    }

    private static Map<String, Object> outputs(HistoricDecisionInstance decision) {
        Map<String, Object> outputs = new HashMap<>();
        decision.getOutputs().forEach(output -> outputs.put(output.getVariableName(), output.getValue()));
        return outputs;
    }

    private static long count(ProcessInstance instance, String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(activityId).count();
    }

    // --- R2 -------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R2 the commissioning organisation's staff confirm eligibility; a client who is not eligible is "
            + "declined with the reason and nothing is authorised")
    void notEligibleIsDeclined() {
        ProcessInstance referral = refer("HOPE");
        assertThat(referral).hasBusinessKey("R-HOPE-00001");
        assertThat(variable(referral, "referrerUserId")).isEqualTo("jo.commissioner");
        assertThat(variable(referral, "partnershipId")).isEqualTo(7L);
        Task confirm = task(referral);
        assertThat(confirm).hasCandidateGroup("co-hope").isNotAssigned();

        complete(confirm, withVariables("eligibilityConfirmed", false, "declineReason", "Not a member of the group"));

        assertThat(declineReferral.callCount()).isEqualTo(1);
        assertThat(referrals.get(101L).status).isEqualTo("DECLINED");
        assertThat(referral)
                .hasPassedInOrder("Task_ConfirmEligibility", "Gateway_Eligible", "Task_RecordDecline",
                        "EndEvent_ReferralDeclined")
                .hasNotPassed("Task_DetermineTreatmentPlan", "Task_RecordAuthorisation", "Task_EmailAuthorisation")
                .isEnded();
        assertThat(recordAuthorisation.attempts()).isZero();
        assertThat(referralAuthorisedMail.attempts()).isZero();
    }

    // --- R3, R8: one-off and series -----------------------------------------------------------------------------

    @Test
    @DisplayName("R3 R8 X1 X2 a one-off treatment (1): the real tables give plan one-off and a short evaluation; "
            + "booked, attended, evaluated, completed")
    void oneOffTreatmentEndsWithAShortEvaluation() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);

        // The real treatment-plan and evaluation-forms tables decided the plan.
        assertThat(outputs(decisions(referral, "treatment-plan").get(0)))
                .containsOnly(entry("allowed", true), entry("planType", "one-off"));
        assertThat(outputs(decisions(referral, "evaluation-forms").get(0)))
                .containsOnly(entry("diaryAfterEachTreatment", false), entry("finalForm", "short-evaluation"));
        assertThat(recordAuthorisation.lastCall().variable("treatmentPlan"))
                .isEqualTo(Map.of("allowed", true, "planType", "one-off"));
        assertThat(variable(referral, "planType")).isEqualTo("one-off");
        assertThat(variable(referral, "finalForm")).isEqualTo("short-evaluation");
        assertThat(variable(referral, "diaryAfterEachTreatment")).isEqualTo(false);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(1);
        assertThat(variable(referral, "treatmentPlan")).isNull();
        assertThat(variable(referral, "evaluationForms")).isNull();
        assertThat(bookingOptions.callCount()).isEqualTo(1);
        assertThat(bookingOptions.calls().get(0).eventName()).isEqualTo("create");

        attend(referral, "2026-04-20T10:00");
        assertThat(variable(referral, "sessionAttended")).isEqualTo(true);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(0);

        assertThat(referral).isWaitingAtExactly("Task_CollectShortEvaluation");
        assertThat(task(referral)).hasCandidateGroup("coordinator");
        complete(task(referral), withVariables("benefitRating", 5, "wouldRecommend", true,
                "evaluationComments", "Very helpful"));

        assertThat(completeTreatmentPlan.callCount()).isEqualTo(1);
        assertThat(referrals.get(101L).status).isEqualTo("COMPLETED");
        assertThat(referral)
                .hasPassedInOrder("Task_DetermineTreatmentPlan", "Task_DetermineEvaluationForms",
                        "Task_RecordAuthorisation", "Task_EmailAuthorisation", "Task_BookAppointment",
                        "Task_ScheduleSession", "Task_EmailBookingToTherapist", "Task_RecordSessionOutcome",
                        "Task_RegisterSessionOutcome", "Gateway_DiaryNeeded", "Gateway_TreatmentsRemaining",
                        "Task_CollectShortEvaluation", "Task_CompleteTreatmentPlan", "EndEvent_TreatmentPlanCompleted")
                .hasNotPassed("Task_RecordTreatmentDiary", "Task_DetermineCancellationCharge",
                        "Task_CollectFinalEvaluation")
                .isEnded();
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(1);
    }

    @Test
    @DisplayName("R3 R8 a series of 4: a treatment diary entry by the therapist after each attended treatment, "
            + "then the final evaluation form")
    void seriesOfFourWithDiaryAfterEachTreatment() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        assertThat(variable(referral, "planType")).isEqualTo("series");
        assertThat(variable(referral, "diaryAfterEachTreatment")).isEqualTo(true);
        assertThat(variable(referral, "finalForm")).isEqualTo("final-evaluation");
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(4);

        String[] appointments = {"2026-04-20T10:00", "2026-04-27T10:00", "2026-05-04T10:00", "2026-05-11T10:00"};
        for (int i = 0; i < appointments.length; i++) {
            attend(referral, appointments[i]);
            assertThat(variable(referral, "sessionNumber")).isEqualTo(i + 1);
            completeDiary(referral, "sam.jones");
            assertThat(treatmentDiary.callCount()).isEqualTo(i + 1);
            assertThat(treatmentDiary.calls().get(i).eventName()).isEqualTo("complete");
            assertThat(treatmentDiary.calls().get(i).assignee()).isEqualTo("sam.jones");
            assertThat(variable(referral, "diaryEntry")).isNull();
            if (i < appointments.length - 1) {
                assertThat(referral).isWaitingAtExactly("Task_BookAppointment");
                assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(appointments.length - 1 - i);
            }
        }

        assertThat(referral).isWaitingAtExactly("Task_CollectFinalEvaluation");
        complete(task(referral), withVariables("benefitRating", 4, "wouldRecommend", true));
        assertThat(referral)
                .hasPassed("Task_CollectFinalEvaluation", "Task_CompleteTreatmentPlan", "EndEvent_TreatmentPlanCompleted")
                .hasNotPassed("Task_CollectShortEvaluation", "Task_DetermineCancellationCharge")
                .isEnded();
        assertThat(count(referral, "Task_RecordTreatmentDiary")).isEqualTo(4);
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(4);
        assertThat(scheduleSession.callCount()).isEqualTo(4);
        assertThat(appointmentBookedMail.callCount()).isEqualTo(4);
        assertThat(bookingOptions.callCount()).isEqualTo(4);
    }

    @Test
    @DisplayName("R8 a diary entry left empty is refused: the diary task stays open with the therapist")
    void emptyDiaryEntryIsRefused() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 5);
        attend(referral, "2026-04-20T10:00");
        Task diary = task(referral);
        assertThat(diary).hasDefinitionKey("Task_RecordTreatmentDiary").isAssignedTo("sam.jones");

        // The engine wraps a task listener's exception (ENGINE-03051); the refusal is its root cause.
        assertThatThrownBy(() -> taskService().complete(diary.getId(), withVariables("diaryEntry", " ")))
                .hasRootCauseInstanceOf(BusinessRuleViolation.class)
                .hasRootCauseMessage("R8: Write the treatment diary entry for this session.");

        assertThat(referral).isWaitingAtExactly("Task_RecordTreatmentDiary");
        assertThat(task(referral).getId()).isEqualTo(diary.getId());
        assertThat(treatmentDiary.callCount()).isZero();
    }

    @ParameterizedTest(name = "R3 {0} treatments are refused")
    @ValueSource(ints = {0, 2, 3, 7})
    @DisplayName("R3 a count other than 1 or 4 to 6 is refused with a message naming the allowed counts; "
            + "the authorisation task stays open and can be corrected")
    void countOutsideThePlanRuleIsRefused(int treatments) {
        ProcessInstance referral = refer("HOPE");
        Task confirm = task(referral);

        assertThatThrownBy(() -> taskService().complete(confirm.getId(), withVariables(
                        "eligibilityConfirmed", true,
                        "treatmentsAuthorised", treatments,
                        "clientContributionPounds", 5)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R3: A treatment plan is a one-off treatment (1) or a series of 4, 5 or 6 treatments; "
                        + treatments + " cannot be authorised.");

        // The whole step rolled back: the same task is still open, nothing was authorised or mailed.
        assertThat(referral).isWaitingAtExactly("Task_ConfirmEligibility");
        assertThat(task(referral).getId()).isEqualTo(confirm.getId());
        assertThat(variable(referral, "treatmentsAuthorised")).isNull();
        assertThat(variable(referral, "treatmentPlan")).isNull();
        assertThat(variable(referral, "planType")).isNull();
        assertThat(recordAuthorisation.callCount()).isZero();
        assertThat(recordAuthorisation.attempts()).isEqualTo(1);
        assertThat(jobQuery().processInstanceId(referral.getId()).count()).isZero();

        authorise(referral, 6);
        assertThat(variable(referral, "planType")).isEqualTo("series");
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(6);
    }

    // --- R6, R7: cancellations ----------------------------------------------------------------------------------

    @Test
    @DisplayName("R6 a client cancelling 48 hours ahead is not charged and the session is rebooked")
    void clientCancellingWithNoticeIsRebookedFree() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);
        book(referral, "2026-04-20T10:00", 3L);

        cancel(referral, "cancelled-by-client", "2026-04-18T10:00");

        assertThat(variable(referral, "noticeHours")).isEqualTo(48.0);
        assertThat(applyCancellationCharge.lastCall().variable("cancellationCharge"))
                .isEqualTo(Map.of("chargeable", false, "usesTreatment", false, "reschedule", true));
        assertThat(variable(referral, "reschedule")).isEqualTo(true);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(1);
        assertThat(variable(referral, "cancellationCharge")).isNull();
        // Rebooked straight from the reschedule gateway, not through the treatments-remaining check.
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment")
                .hasPassed("Task_DetermineCancellationCharge", "Gateway_Reschedule")
                .hasNotPassed("Gateway_AfterSession", "Task_RecordTreatmentDiary");
        assertThat(variable(referral, "lastOutcomeMessage"))
                .isEqualTo("Session 1: not charged. Please rebook it with the client.");

        // The rebooked session is the one treatment authorised.
        attend(referral, "2026-04-27T10:00");
        assertThat(variable(referral, "sessionNumber")).isEqualTo(2);
        assertThat(referral).isWaitingAtExactly("Task_CollectShortEvaluation");
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(2);
        assertThat(bookingOptions.callCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("R6 a client cancelling 23.5 hours ahead is charged, uses the treatment and is NOT rebooked")
    void lateClientCancellationIsChargedAndNotRebooked() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);
        book(referral, "2026-04-20T10:00", 3L);

        cancel(referral, "cancelled-by-client", "2026-04-19T10:30");

        assertThat(variable(referral, "noticeHours")).isEqualTo(23.5);
        assertThat(variable(referral, "cancelledBy")).isEqualTo("client");
        assertThat(applyCancellationCharge.lastCall().variable("cancellationCharge"))
                .isEqualTo(Map.of("chargeable", true, "usesTreatment", true, "reschedule", false));
        assertThat(variable(referral, "reschedule")).isEqualTo(false);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(0);
        // The one authorised treatment is used up: no rebooking, the plan goes on to its evaluation.
        assertThat(referral).isWaitingAtExactly("Task_CollectShortEvaluation")
                .hasPassed("Gateway_Reschedule", "Gateway_AfterSession", "Gateway_TreatmentsRemaining")
                .hasNotPassed("Task_RecordTreatmentDiary");
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(1);
        assertThat(variable(referral, "lastOutcomeMessage"))
                .isEqualTo("Session 1: charged to the commissioning organisation.");
    }

    @Test
    @DisplayName("R6 in a series, a late client cancellation uses one treatment; the next session is booked from "
            + "the treatments remaining, with no diary for the missed one")
    void lateCancellationInASeriesUsesOneTreatment() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        book(referral, "2026-04-20T10:00", 4L);

        cancel(referral, "cancelled-by-client", "2026-04-20T08:00");

        assertThat(variable(referral, "noticeHours")).isEqualTo(2.0);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(3);
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment")
                .hasPassed("Gateway_AfterSession", "Gateway_TreatmentsRemaining")
                .hasNotPassed("Task_RecordTreatmentDiary");
    }

    @Test
    @DisplayName("R6 a client who does not attend (0 hours' notice) is charged and uses a treatment")
    void noShowIsCharged() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        book(referral, "2026-04-20T10:00", 3L);
        TestClock.setTo("2026-04-20T11:15");

        complete(task(referral), withVariables("sessionOutcome", "not-attended"));
        sendCancellationMail(referral); // the step runs; ClientMails sends nothing for a missed appointment

        assertThat(variable(referral, "sessionAttended")).isEqualTo(false);
        assertThat(variable(referral, "cancelledBy")).isEqualTo("client");
        assertThat(variable(referral, "noticeHours")).isEqualTo(0.0);
        assertThat(applyCancellationCharge.lastCall().variable("cancellationCharge"))
                .isEqualTo(Map.of("chargeable", true, "usesTreatment", true, "reschedule", false));
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(3);
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment")
                .hasPassed("Task_DetermineCancellationCharge", "Gateway_AfterSession")
                .hasNotPassed("Task_RecordTreatmentDiary");
        assertThat(outputs(decisions(referral, "cancellation-charge").get(0)))
                .containsOnly(entry("chargeable", true), entry("usesTreatment", true), entry("reschedule", false));
    }

    @Test
    @DisplayName("R7 a session cancelled by the provider, even at 2 hours' notice, is never charged and is rebooked")
    void providerCancellationIsFreeAndRebooked() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        book(referral, "2026-04-20T10:00", 3L);

        cancel(referral, "cancelled-by-provider", "2026-04-20T08:00");

        assertThat(variable(referral, "cancelledBy")).isEqualTo("provider");
        assertThat(variable(referral, "noticeHours")).isEqualTo(2.0);
        assertThat(applyCancellationCharge.lastCall().variable("cancellationCharge"))
                .isEqualTo(Map.of("chargeable", false, "usesTreatment", false, "reschedule", true));
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(4);
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment")
                .hasPassed("Gateway_Reschedule")
                .hasNotPassed("Gateway_AfterSession");
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(2);
    }

    @Test
    @DisplayName("R1 a referral busy at a session outcome when its partnership ends lapses instead of going back to booking")
    void partnershipEndedWhileAtSessionOutcome() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        book(referral, "2026-04-20T10:00", 3L);
        partnershipLive = false;

        cancel(referral, "cancelled-by-provider", "2026-04-20T08:00");

        assertThat(referral).isEnded()
                .hasPassedInOrder("Gateway_Reschedule", "Task_CheckPartnershipLive", "Gateway_PartnershipLive",
                        "Task_LapseAuthorisation", "EndEvent_AuthorisationLapsed");
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(1);
    }

    @ParameterizedTest(name = "R6 client, {0} hours'' notice -> charged={1}, rebooked={2}")
    @CsvSource({
            "24.0,  false, true,  1, Task_BookAppointment",
            "23.99, true,  false, 0, Task_CollectShortEvaluation"})
    @DisplayName("R6 X3 the real cancellation-charge table through the process: exactly 24 hours' notice is free "
            + "and rebooked, 23.99 hours is charged and uses the treatment")
    void twentyFourHourBoundary(double noticeHours, boolean charged, boolean rebooked, int treatmentsRemaining,
            String nextActivity) {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);
        book(referral, "2026-04-20T10:00", 3L);
        // TreatmentSessionService works the notice out from the times; here it reports it exactly.
        reportedNoticeHours = noticeHours;

        cancel(referral, "cancelled-by-client", "2026-04-19T09:00");

        HistoricDecisionInstance decision = decisions(referral, "cancellation-charge").get(0);
        assertThat(decision.getInputs()).extracting(input -> input.getValue())
                .containsExactlyInAnyOrder("client", noticeHours);
        assertThat(outputs(decision)).containsOnly(
                entry("chargeable", charged), entry("usesTreatment", charged), entry("reschedule", rebooked));
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(treatmentsRemaining);
        assertThat(referral).isWaitingAtExactly(nextActivity);
    }

    @Test
    @DisplayName("R6 a cancellation recorded as notified after the appointment is refused: the outcome task stays open")
    void cancellationAfterTheAppointmentIsRefused() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);
        Task outcome = book(referral, "2026-04-20T10:00", 3L);
        TestClock.setTo("2026-04-20T12:00");

        assertThatThrownBy(() -> taskService().complete(outcome.getId(), withVariables(
                        "sessionOutcome", "cancelled-by-client", "cancellationNotifiedAt", "2026-04-20T10:30")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("R6:");

        assertThat(referral).isWaitingAtExactly("Task_RecordSessionOutcome");
        assertThat(task(referral).getId()).isEqualTo(outcome.getId());
        assertThat(applyCancellationCharge.attempts()).isZero();
    }

    @Test
    @DisplayName("Tasklist 7: X2 the client is e-mailed each booking, in a step of its own after the therapist's, "
            + "retried 5 times 5 minutes apart")
    void clientIsEmailedEachBooking() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        attend(referral, "2026-04-20T10:00"); // book() checks the client's step, its retries and the session mailed
        completeDiary(referral, "sam.jones");
        book(referral, "2026-04-27T10:00", 3L);

        assertThat(referral).hasPassedInOrder("Task_EmailBookingToTherapist", "Task_EmailBookingToClient",
                "Task_RecordSessionOutcome");
        verify(clientMails, never()).cancelled(anyLong(), anyBoolean());
    }

    @Test
    @DisplayName("Tasklist 7: R7 X2 a provider's cancellation e-mails the client that it is cancelled and will be "
            + "rebooked; the new time is e-mailed too")
    void clientIsEmailedACancellationAndTheNewTime() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        book(referral, "2026-04-20T10:00", 3L);
        long first = ((Number) variable(referral, "sessionId")).longValue();

        cancel(referral, "cancelled-by-provider", "2026-04-20T08:00"); // checks cancelled(first, reschedule)

        verify(clientMails).cancelled(first, true);
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment")
                .hasPassedInOrder("Task_ApplyCancellationCharge", "Task_EmailCancellationToClient", "Gateway_Reschedule");
        book(referral, "2026-04-22T10:00", 3L); // checks booked(second)
    }

    @Test
    @DisplayName("Tasklist 7: R6 a late cancellation by the client is e-mailed as not rebooked")
    void lateCancellationIsEmailedAsNotRebooked() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);
        book(referral, "2026-04-20T10:00", 3L);
        long session = ((Number) variable(referral, "sessionId")).longValue();

        cancel(referral, "cancelled-by-client", "2026-04-19T10:30");

        verify(clientMails).cancelled(session, false);
    }

    // --- R1: lapse ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R1 when the partnership ends while a referral waits to book, its remaining treatments lapse "
            + "(message PartnershipEnded correlated by partnershipId); other partnerships' referrals carry on")
    void partnershipEndingWhileWaitingToBookLapsesTheAuthorisation() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        attend(referral, "2026-04-20T10:00");
        completeDiary(referral, "sam.jones");
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment");
        ProcessInstance otherPartnership = refer("IXW");
        authorise(otherPartnership, 1);

        TestClock.setTo("2026-10-01T00:00");
        List<MessageCorrelationResult> correlated = runtimeService().createMessageCorrelation("PartnershipEnded")
                .processInstanceVariableEquals("partnershipId", 7L)
                .correlateAllWithResult();

        assertThat(correlated).hasSize(1);
        assertThat(correlated.get(0).getExecution().getProcessInstanceId()).isEqualTo(referral.getId());
        assertThat(lapseReferral.callCount()).isEqualTo(1);
        assertThat(lapseReferral.lastCall().variable("referralId")).isEqualTo(101L);
        assertThat(referrals.get(101L).status).isEqualTo("LAPSED");
        assertThat(referral)
                .hasPassedInOrder("Event_PartnershipEnded", "Task_LapseAuthorisation", "EndEvent_AuthorisationLapsed")
                .hasNotPassed("EndEvent_TreatmentPlanCompleted")
                .isEnded();
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(referral.getId())
                .taskDefinitionKey("Task_BookAppointment").taskDeleteReason("deleted").count()).isEqualTo(1);
        assertThat(otherPartnership).isWaitingAtExactly("Task_BookAppointment");
    }

    @Test
    @DisplayName("R1 a session cannot be booked after the partnership's end date: the booking task stays open")
    void bookingAfterThePartnershipEndsIsRefused() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);
        Task booking = task(referral);

        assertThatThrownBy(() -> taskService().complete(booking.getId(), withVariables(
                        "therapistId", "3", "appointmentAt", "2026-10-01T10:00")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("R1:");

        assertThat(referral).isWaitingAtExactly("Task_BookAppointment");
        assertThat(task(referral).getId()).isEqualTo(booking.getId());
        assertThat(scheduleSession.callCount()).isZero();
    }
}
