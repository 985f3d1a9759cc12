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
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.carecommissioning.support.ProcessSteps.variable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.json.SpinJsonNode;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.referral.ReferralService.Authorisation;
import org.carecommissioning.referral.ReferralService.Evaluation;
import org.carecommissioning.referral.ReferralService.NewReferral;
import org.carecommissioning.referral.TreatmentSessionService.OutcomeFacts;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.support.TestClock;
import org.carecommissioning.therapist.Therapist;
import org.carecommissioning.therapist.TherapistService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

/**
 * processes/referral.bpmn with the REAL decision tables treatment-plan, evaluation-forms and cancellation-charge
 * (dmn/*.dmn), on a plain in-memory engine, with the REAL delegate beans and task listeners registered under their
 * bean names with Camunda's {@link Mocks}. The services they call ({@link ReferralService},
 * {@link TreatmentSessionService}, {@link PartnershipService}, {@link OrganisationService}, {@link TherapistService},
 * {@link NotificationService} and the client's letters, {@link ClientMails}) are Mockito mocks; the referrals and
 * sessions they return are mocked entities whose counts (treatments authorised and used) follow the service calls,
 * so every gateway is decided as in production. Each test walks one path and asserts the path, the variables the
 * delegates write and the service calls they make; the rules themselves (R1-R9) are the services' and are tested
 * there (a refusal here is the mocked service throwing the rule's BusinessRuleViolation).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "processes/referral.bpmn",
        "dmn/treatment-plan.dmn",
        "dmn/evaluation-forms.dmn",
        "dmn/cancellation-charge.dmn"})
@DisplayName("referral process with the real delegates and DMN tables (R1-R8, X1-X3)")
class ReferralProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String PROCESS = "referral";
    private static final String REFERRER = "jo.commissioner";
    private static final int TREATMENT_MINUTES = 60; // R5
    private static final LocalDate HOPE_PARTNERSHIP_ENDS = LocalDate.of(2026, 9, 30);
    private static final String COORDINATOR_EMAIL = "coordinator@provider.example";

    /** A commissioning organisation, its group and its partnership with the provider (R1). */
    private record PartnershipFixture(long organisationId, String name, String commissionerGroup, long partnershipId,
            String reference, LocalDate endDate) {
    }

    private static final Map<String, PartnershipFixture> PARTNERSHIPS = Map.of(
            "HOPE", new PartnershipFixture(3L, "Hope Community Group", "co-hope", 7L, "P-HOPE-20260401",
                    HOPE_PARTNERSHIP_ENDS),
            "IXW", new PartnershipFixture(5L, "Ixworth Carers", "co-ixw", 8L, "P-IXW-20260701",
                    LocalDate.of(2026, 12, 31)));

    /** Therapists on the project: id (the booking form's value), full name, Camunda user id, e-mail. */
    private record TherapistFixture(String name, String userId, String email) {
    }

    private static final Map<Long, TherapistFixture> THERAPISTS = Map.of(
            3L, new TherapistFixture("Sam Jones", "sam.jones", "sam.jones@provider.example"),
            4L, new TherapistFixture("Alex Khan", "alex.khan", "alex.khan@provider.example"));

    private ReferralService referralService;
    private TreatmentSessionService sessionService;
    private PartnershipService partnerships;
    private NotificationService notifications;
    /** The real client-mail delegates run against this mock (X2, Tasklist 7). */
    private ClientMails clientMails;

    // --- the mocked entities' state: what ReferralService and TreatmentSessionService have recorded so far --------

    /** A referral as the mocked ReferralService returns it; its counts follow the service calls. */
    private static final class ReferralRecord {
        final Referral entity = mock(Referral.class);
        final PartnershipFixture partnership;
        int treatmentsAuthorised;
        int treatmentsUsed;
        long treatmentsGiven;
        int sessions;

        ReferralRecord(PartnershipFixture partnership) {
            this.partnership = partnership;
        }
    }

    /** A session as the mocked TreatmentSessionService returns it; its status follows the outcome recorded. */
    private static final class SessionRecord {
        final TreatmentSession entity = mock(TreatmentSession.class);
        final ReferralRecord referral;
        SessionStatus status = SessionStatus.BOOKED;
        boolean usesTreatment;

        SessionRecord(ReferralRecord referral) {
            this.referral = referral;
        }
    }

    private final Map<Long, ReferralRecord> referrals = new HashMap<>();
    private final Map<Long, SessionRecord> sessions = new HashMap<>();
    private long nextReferralId = 101;
    private long nextSessionId = 501;
    /** The hours of notice TreatmentSessionService reports for the next outcome recorded (it works them out, R6). */
    private double reportedNoticeHours;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-04-01T09:00");
        referralService = mock(ReferralService.class);
        sessionService = mock(TreatmentSessionService.class);
        partnerships = mock(PartnershipService.class);
        notifications = mock(NotificationService.class);
        clientMails = mock(ClientMails.class);
        OrganisationService organisations = mock(OrganisationService.class);
        TherapistService therapists = mock(TherapistService.class);
        CareProperties care = new CareProperties(LONDON, null,
                new CareProperties.Mail("care@provider.example", COORDINATOR_EMAIL),
                new CareProperties.Provider("Care Commissioning", null));
        // the engine's clock, which TestClock sets, is the application's clock here
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(LONDON);

        PARTNERSHIPS.values().forEach(fixture -> {
            Organisation organisation = mock(Organisation.class);
            when(organisation.getName()).thenReturn(fixture.name());
            when(organisation.getGroupId()).thenReturn(fixture.commissionerGroup());
            when(organisations.get(fixture.organisationId())).thenReturn(organisation);
            Partnership partnership = mock(Partnership.class);
            when(partnership.getId()).thenReturn(fixture.partnershipId());
            when(partnership.getReference()).thenReturn(fixture.reference());
            when(partnership.getCommissioningOrganisationId()).thenReturn(fixture.organisationId());
            when(partnership.getEndDate()).thenReturn(fixture.endDate());
            when(partnership.getTreatmentMinutes()).thenReturn(TREATMENT_MINUTES);
            when(partnerships.get(fixture.partnershipId())).thenReturn(partnership);
            when(partnerships.isLive(fixture.partnershipId())).thenReturn(true);
        });
        List<Therapist> onTheProject = new ArrayList<>();
        THERAPISTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(fixture -> {
            Therapist therapist = mock(Therapist.class);
            when(therapist.getId()).thenReturn(fixture.getKey());
            when(therapist.getFullName()).thenReturn(fixture.getValue().name());
            when(therapist.getUserId()).thenReturn(fixture.getValue().userId());
            when(therapist.getEmail()).thenReturn(fixture.getValue().email());
            when(therapists.get(fixture.getKey())).thenReturn(therapist);
            onTheProject.add(therapist);
        });

        when(referralService.refer(any())).thenAnswer(invocation -> newReferral(invocation.getArgument(0)));
        when(referralService.get(anyLong())).thenAnswer(invocation -> referral(invocation.getArgument(0)).entity);
        when(referralService.commissionerGroupOf(anyLong()))
                .thenAnswer(invocation -> referral(invocation.getArgument(0)).partnership.commissionerGroup());
        when(referralService.authorise(anyLong(), any(), any())).thenAnswer(invocation -> {
            ReferralRecord referral = referral(invocation.getArgument(0));
            Authorisation authorisation = invocation.getArgument(2);
            referral.treatmentsAuthorised = authorisation.treatments();
            when(referral.entity.getStatus()).thenReturn(ReferralStatus.AUTHORISED);
            when(referral.entity.getPlanType()).thenReturn(authorisation.planType());
            when(referral.entity.getDiaryAfterEachTreatment()).thenReturn(authorisation.diaryAfterEachTreatment());
            when(referral.entity.getFinalForm()).thenReturn(authorisation.finalForm());
            when(referral.entity.getClientContributionPence())
                    .thenReturn((int) Math.round(authorisation.clientContributionPounds().doubleValue() * 100));
            return referral.entity;
        });
        when(referralService.decline(anyLong(), any(), any()))
                .thenAnswer(invocation -> referral(invocation.getArgument(0)).entity);
        when(referralService.recordEvaluation(anyLong(), any()))
                .thenAnswer(invocation -> referral(invocation.getArgument(0)).entity);
        when(referralService.lapse(anyLong())).thenAnswer(invocation -> referral(invocation.getArgument(0)).entity);

        when(sessionService.therapistsAvailableFor(anyLong())).thenReturn(onTheProject);
        when(sessionService.book(anyLong(), anyLong(), any(), any())).thenAnswer(invocation -> newSession(
                referral(invocation.getArgument(0)), invocation.getArgument(1), invocation.getArgument(2)));
        when(sessionService.get(anyLong())).thenAnswer(invocation -> session(invocation.getArgument(0)).entity);
        when(sessionService.recordOutcome(anyLong(), any(), any(), any(), any())).thenAnswer(invocation -> {
            SessionRecord session = session(invocation.getArgument(0));
            SessionOutcome outcome = invocation.getArgument(1);
            session.status = outcome.status();
            if (outcome == SessionOutcome.ATTENDED) { // R10: a treatment given uses one authorised treatment
                session.usesTreatment = true;
                session.referral.treatmentsUsed++;
                session.referral.treatmentsGiven++;
            }
            return new OutcomeFacts(outcome.cancelledBy(), reportedNoticeHours);
        });
        when(sessionService.applyCancellationCharge(anyLong(), anyBoolean(), anyBoolean())).thenAnswer(invocation -> {
            SessionRecord session = session(invocation.getArgument(0));
            if (invocation.<Boolean>getArgument(2)) {
                session.usesTreatment = true;
                session.referral.treatmentsUsed++;
            }
            return session.entity;
        });
        when(sessionService.recordDiary(anyLong(), any(), any()))
                .thenAnswer(invocation -> session(invocation.getArgument(0)).entity);
        when(sessionService.treatmentsGiven(anyLong()))
                .thenAnswer(invocation -> referral(invocation.getArgument(0)).treatmentsGiven);

        // the real beans, under the names the model's delegateExpressions use
        Mocks.register("registerReferralDelegate",
                new RegisterReferralDelegate(referralService, partnerships, organisations, care));
        Mocks.register("authorisationFormListener", new AuthorisationFormListener());
        Mocks.register("declineReferralDelegate", new DeclineReferralDelegate(referralService));
        Mocks.register("recordAuthorisationDelegate", new RecordAuthorisationDelegate(referralService));
        Mocks.register("referralAuthorisedMailDelegate", new ReferralAuthorisedMailDelegate(referralService,
                partnerships, organisations, notifications, care));
        Mocks.register("checkPartnershipLiveDelegate", new CheckPartnershipLiveDelegate(partnerships));
        Mocks.register("bookingOptionsListener", ReferralBeans.bookingOptions(sessionService, partnerships, care));
        Mocks.register("lapseReferralDelegate", ReferralBeans.lapseReferral(referralService));
        Mocks.register("scheduleSessionDelegate", new ScheduleSessionDelegate(sessionService, therapists, care, clock));
        Mocks.register("appointmentBookedMailDelegate",
                new AppointmentBookedMailDelegate(sessionService, therapists, notifications));
        Mocks.register("clientBookingMailDelegate", new ClientBookingMailDelegate(clientMails));
        Mocks.register("registerSessionOutcomeDelegate",
                new RegisterSessionOutcomeDelegate(sessionService, referralService, care, clock));
        Mocks.register("applyCancellationChargeDelegate", new ApplyCancellationChargeDelegate(sessionService));
        Mocks.register("clientCancellationMailDelegate", new ClientCancellationMailDelegate(clientMails));
        Mocks.register("treatmentDiaryListener", new TreatmentDiaryListener(sessionService));
        Mocks.register("completeTreatmentPlanDelegate", new CompleteTreatmentPlanDelegate(referralService));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    /** ReferralService.refer: the referral numbered in the organisation's series, under its partnership. */
    private Referral newReferral(NewReferral request) {
        PartnershipFixture partnership = PARTNERSHIPS.get(request.organisationCode());
        long id = nextReferralId++;
        ReferralRecord referral = new ReferralRecord(partnership);
        ServiceUser client = mock(ServiceUser.class);
        when(client.getFullName()).thenReturn(request.serviceUserName());
        when(client.getPhone()).thenReturn(request.phone());
        when(client.getCommissioningOrganisationId()).thenReturn(partnership.organisationId());
        when(referral.entity.getId()).thenReturn(id);
        when(referral.entity.getReferralNumber())
                .thenReturn(String.format("R-%s-%05d", request.organisationCode(), id - 100));
        when(referral.entity.getPartnershipId()).thenReturn(partnership.partnershipId());
        when(referral.entity.getServiceUser()).thenReturn(client);
        when(referral.entity.getStatus()).thenReturn(ReferralStatus.REFERRED);
        when(referral.entity.getTreatmentsAuthorised()).thenAnswer(invocation -> referral.treatmentsAuthorised);
        when(referral.entity.treatmentsRemaining())
                .thenAnswer(invocation -> referral.treatmentsAuthorised - referral.treatmentsUsed);
        referrals.put(id, referral);
        return referral.entity;
    }

    /** TreatmentSessionService.book: the referral's next session, as long as the partnership's treatment length. */
    private TreatmentSession newSession(ReferralRecord referral, Long therapistId, LocalDateTime startsAt) {
        long id = nextSessionId++;
        SessionRecord session = new SessionRecord(referral);
        int number = ++referral.sessions;
        when(session.entity.getId()).thenReturn(id);
        when(session.entity.getReferral()).thenReturn(referral.entity);
        when(session.entity.getSessionNumber()).thenReturn(number);
        when(session.entity.getTherapistId()).thenReturn(therapistId);
        when(session.entity.getStartsAt()).thenReturn(startsAt);
        when(session.entity.getDurationMinutes()).thenReturn(TREATMENT_MINUTES);
        when(session.entity.getStatus()).thenAnswer(invocation -> session.status);
        when(session.entity.isUsesTreatment()).thenAnswer(invocation -> session.usesTreatment);
        sessions.put(id, session);
        return session.entity;
    }

    private ReferralRecord referral(Long referralId) {
        ReferralRecord referral = referrals.get(referralId);
        if (referral == null) {
            throw new IllegalStateException("No referral " + referralId);
        }
        return referral;
    }

    private SessionRecord session(Long sessionId) {
        SessionRecord session = sessions.get(sessionId);
        if (session == null) {
            throw new IllegalStateException("No session " + sessionId);
        }
        return session;
    }

    /** The e-mails of a template handed to the NotificationService so far, in order. */
    private List<Email> mailsSent(String template) {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, atLeast(0)).send(sent.capture());
        return sent.getAllValues().stream().filter(email -> email.template().equals(template)).toList();
    }

    /** The authorisation the recordAuthorisation delegate handed to ReferralService (the latest). */
    private Authorisation lastAuthorisation(long referralId) {
        ArgumentCaptor<Authorisation> authorisation = ArgumentCaptor.forClass(Authorisation.class);
        verify(referralService, atLeast(1)).authorise(eq(referralId), any(), authorisation.capture());
        return authorisation.getValue();
    }

    private static long sessionId(ProcessInstance referral) {
        return ((Number) variable(referral, "sessionId")).longValue();
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    private ProcessInstance refer(String organisationCode) {
        identityService().setAuthenticatedUserId(REFERRER);
        ProcessInstance referral = runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                "organisationCode", organisationCode,
                "serviceUserName", "Chris Taylor",
                "membershipNumber", "M-1234",
                "serviceUserPhone", "01234 567890",
                "referralReason", "Stress after bereavement"));
        identityService().clearAuthentication();
        verify(referralService).refer(new NewReferral(REFERRER, organisationCode, "Chris Taylor", "M-1234", null,
                "01234 567890", "Stress after bereavement"));
        assertThat(referral).isWaitingAtExactly("Task_ConfirmEligibility");
        return referral;
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

        long referralId = ((Number) variable(referral, "referralId")).longValue();
        Authorisation authorisation = lastAuthorisation(referralId);
        assertThat(authorisation.treatments()).isEqualTo(treatments);
        assertThat(authorisation.planAllowed()).isTrue();
        assertThat(authorisation.clientContributionPounds().intValue()).isEqualTo(5);
        assertThat(referral).isWaitingAtExactly("Task_EmailAuthorisation");
        int mailsBefore = mailsSent("referral-authorised").size();
        execute(asyncJobAt(referral, "Task_EmailAuthorisation"));
        List<Email> mails = mailsSent("referral-authorised");
        assertThat(mails).hasSize(mailsBefore + 1);
        Email mail = mails.get(mails.size() - 1);
        assertThat(mail.to()).isEqualTo(COORDINATOR_EMAIL);
        assertThat(Map.<String, Object>copyOf(mail.model()))
                .containsEntry("referralNumber", variable(referral, "referralNumber"))
                .containsEntry("treatments", treatments)
                .containsEntry("serviceUserName", "Chris Taylor")
                .containsEntry("serviceUserContact", "01234 567890")
                .containsEntry("clientContribution", "£5.00");
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
        assertThat(options.elements().get(0).prop("label").stringValue()).isEqualTo("Sam Jones");
        assertThat(options.elements().get(0).prop("value").stringValue()).isEqualTo("3");
        complete(booking, withVariables("therapistId", String.valueOf(therapistId), "appointmentAt", appointmentAt));

        long referralId = ((Number) variable(referral, "referralId")).longValue();
        verify(sessionService).book(eq(referralId), eq(therapistId), eq(LocalDateTime.parse(appointmentAt)), isNull());
        TherapistFixture therapist = THERAPISTS.get(therapistId);
        assertThat(variable(referral, "appointmentAt")).isEqualTo(LocalDateTime.parse(appointmentAt).toString());
        assertThat(variable(referral, "therapistName")).isEqualTo(therapist.name());
        assertThat(variable(referral, "therapistUserId")).isEqualTo(therapist.userId());
        assertThat(referral).isWaitingAtExactly("Task_EmailBookingToTherapist");
        int mailsBefore = mailsSent("appointment-booked").size();
        execute(asyncJobAt(referral, "Task_EmailBookingToTherapist"));
        List<Email> mails = mailsSent("appointment-booked");
        assertThat(mails).hasSize(mailsBefore + 1);
        Email mail = mails.get(mails.size() - 1);
        assertThat(mail.to()).isEqualTo(therapist.email());
        assertThat(Map.<String, Object>copyOf(mail.model()))
                .containsEntry("therapistName", therapist.name())
                .containsEntry("referralNumber", variable(referral, "referralNumber"))
                .containsEntry("sessionNumber", variable(referral, "sessionNumber"))
                .containsEntry("durationMinutes", TREATMENT_MINUTES);
        // Tasklist 7, X2: then the client's own e-mail, a step of its own
        assertThat(referral).isWaitingAtExactly("Task_EmailBookingToClient");
        long sessionId = sessionId(referral);
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
        long sessionId = sessionId(referral);
        TestClock.setTo(LocalDateTime.parse(appointmentAt).plusMinutes(70).toString());
        reportedNoticeHours = 0;
        complete(task(referral), withVariables("sessionOutcome", "attended", "outcomeNotes", "Went well"));
        verify(sessionService).recordOutcome(sessionId, SessionOutcome.ATTENDED, null, "Went well", null);
        assertThat(variable(referral, "outcomeNotes")).as("the next outcome form starts empty").isNull();
    }

    /** Records a cancellation notified at the time given; TreatmentSessionService reports the hours of notice. */
    private void cancel(ProcessInstance referral, String outcome, String notifiedAt, double noticeHours) {
        long sessionId = sessionId(referral);
        TestClock.setTo(LocalDateTime.parse(notifiedAt).plusMinutes(5).toString());
        reportedNoticeHours = noticeHours;
        complete(task(referral), withVariables("sessionOutcome", outcome, "cancellationNotifiedAt", notifiedAt));
        verify(sessionService).recordOutcome(sessionId, SessionOutcome.fromFormValue(outcome),
                LocalDateTime.parse(notifiedAt), null, null);
        assertThat(variable(referral, "noticeHours")).isEqualTo(noticeHours);
        assertThat(variable(referral, "cancellationNotifiedAt")).isNull();
        sendCancellationMail(referral);
    }

    /** Tasklist 7, X2: after the charge, the client's cancellation e-mail is an async step of its own. */
    private void sendCancellationMail(ProcessInstance referral) {
        assertThat(referral).isWaitingAtExactly("Task_EmailCancellationToClient");
        long sessionId = sessionId(referral);
        boolean reschedule = (Boolean) variable(referral, "reschedule");
        execute(asyncJobAt(referral, "Task_EmailCancellationToClient"));
        verify(clientMails).cancelled(sessionId, reschedule);
    }

    private void completeDiary(ProcessInstance referral, String therapistUserId) {
        assertThat(referral).isWaitingAtExactly("Task_RecordTreatmentDiary");
        long sessionId = sessionId(referral);
        Task diary = task(referral);
        assertThat(diary).isAssignedTo(therapistUserId); // R8: the therapist who gave the treatment writes it
        complete(diary, withVariables("diaryEntry", "Relaxed, sleeping better", "wellbeingScore", 7));
        verify(sessionService).recordDiary(sessionId, "Relaxed, sleeping better", 7);
        assertThat(variable(referral, "diaryEntry")).isNull();
        assertThat(variable(referral, "wellbeingScore")).isNull();
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

    @Test
    @DisplayName("R2 the commissioning organisation's staff confirm eligibility; a client who is not eligible is "
            + "declined with the reason and nothing is authorised")
    void notEligibleIsDeclined() {
        ProcessInstance referral = refer("HOPE");
        assertThat(referral).hasBusinessKey("R-HOPE-00001");
        assertThat(variable(referral, "referrerUserId")).isEqualTo("jo.commissioner");
        assertThat(referral).variables()
                .containsEntry("referralId", 101L)
                .containsEntry("referralNumber", "R-HOPE-00001")
                .containsEntry("partnershipId", 7L)
                .containsEntry("commissionerGroup", "co-hope")
                .containsEntry("organisationName", "Hope Community Group")
                .containsEntry("partnershipEndDate", "2026-09-30")
                .containsEntry("partnershipEndsAt", london("2026-09-30T23:59:59"))
                .doesNotContainKeys("serviceUserName", "membershipNumber", "serviceUserPhone", "referralReason");
        Task confirm = task(referral);
        assertThat(confirm).hasCandidateGroup("co-hope").isNotAssigned();

        complete(confirm, withVariables("eligibilityConfirmed", false, "declineReason", "Not a member of the group"));

        verify(referralService).decline(101L, null, "Not a member of the group");
        assertThat(referral)
                .hasPassedInOrder("Task_ConfirmEligibility", "Gateway_Eligible", "Task_RecordDecline",
                        "EndEvent_ReferralDeclined")
                .hasNotPassed("Task_DetermineTreatmentPlan", "Task_RecordAuthorisation", "Task_EmailAuthorisation")
                .isEnded();
        verify(referralService, never()).authorise(anyLong(), any(), any());
        verify(notifications, never()).send(any());
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
        Authorisation authorisation = lastAuthorisation(101L);
        assertThat(authorisation.planType()).isEqualTo("one-off");
        assertThat(authorisation.diaryAfterEachTreatment()).isFalse();
        assertThat(authorisation.finalForm()).isEqualTo("short-evaluation");
        assertThat(variable(referral, "planType")).isEqualTo("one-off");
        assertThat(variable(referral, "finalForm")).isEqualTo("short-evaluation");
        assertThat(variable(referral, "diaryAfterEachTreatment")).isEqualTo(false);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(1);
        assertThat(variable(referral, "treatmentPlan")).isNull();
        assertThat(variable(referral, "evaluationForms")).isNull();
        verify(sessionService, times(1)).therapistsAvailableFor(101L); // the booking task's create listener

        attend(referral, "2026-04-20T10:00");
        assertThat(variable(referral, "sessionAttended")).isEqualTo(true);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(0);
        assertThat(variable(referral, "treatmentsGiven")).isEqualTo(1L);
        assertThat(variable(referral, "cancelledBy")).isEqualTo("client");
        assertThat(variable(referral, "evaluationDueAt")).isEqualTo(london("2026-04-20T23:59:59"));

        assertThat(referral).isWaitingAtExactly("Task_CollectShortEvaluation");
        assertThat(task(referral)).hasCandidateGroup("coordinator");
        complete(task(referral), withVariables("benefitRating", 5, "wouldRecommend", true,
                "evaluationComments", "Very helpful"));

        verify(referralService).recordEvaluation(101L, new Evaluation(false, 5, true, "Very helpful"));
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
            completeDiary(referral, "sam.jones"); // checks the entry handed to TreatmentSessionService
            verify(sessionService, times(i + 1)).recordDiary(anyLong(), any(), any());
            if (i < appointments.length - 1) {
                assertThat(referral).isWaitingAtExactly("Task_BookAppointment");
                assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(appointments.length - 1 - i);
            }
        }

        assertThat(referral).isWaitingAtExactly("Task_CollectFinalEvaluation");
        complete(task(referral), withVariables("benefitRating", 4, "wouldRecommend", true));
        verify(referralService).recordEvaluation(101L, new Evaluation(false, 4, true, null));
        assertThat(referral)
                .hasPassed("Task_CollectFinalEvaluation", "Task_CompleteTreatmentPlan", "EndEvent_TreatmentPlanCompleted")
                .hasNotPassed("Task_CollectShortEvaluation", "Task_DetermineCancellationCharge")
                .isEnded();
        assertThat(count(referral, "Task_RecordTreatmentDiary")).isEqualTo(4);
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(4);
        verify(sessionService, times(4)).book(eq(101L), eq(3L), any(), any());
        assertThat(mailsSent("appointment-booked")).hasSize(4);
        verify(sessionService, times(4)).therapistsAvailableFor(101L);
    }

    @Test
    @DisplayName("R8 a diary entry left empty is refused: the diary task stays open with the therapist")
    void emptyDiaryEntryIsRefused() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 5);
        attend(referral, "2026-04-20T10:00");
        Task diary = task(referral);
        assertThat(diary).hasDefinitionKey("Task_RecordTreatmentDiary").isAssignedTo("sam.jones");
        long sessionId = sessionId(referral);
        doThrow(new BusinessRuleViolation("R8", "Write the treatment diary entry for this session."))
                .when(sessionService).recordDiary(eq(sessionId), isNull(), any());

        // The engine wraps a task listener's exception (ENGINE-03051); the refusal is its root cause.
        assertThatThrownBy(() -> taskService().complete(diary.getId(), withVariables("diaryEntry", " ")))
                .hasRootCauseInstanceOf(BusinessRuleViolation.class)
                .hasRootCauseMessage("R8: Write the treatment diary entry for this session.");

        assertThat(referral).isWaitingAtExactly("Task_RecordTreatmentDiary");
        assertThat(task(referral).getId()).isEqualTo(diary.getId());
        verify(sessionService).recordDiary(sessionId, null, null); // the blank entry reaches the service as none
    }

    @ParameterizedTest(name = "R3 {0} treatments are refused")
    @ValueSource(ints = {0, 2, 3, 7})
    @DisplayName("R3 a count other than 1 or 4 to 6 is refused with a message naming the allowed counts; "
            + "the authorisation task stays open and can be corrected")
    void countOutsideThePlanRuleIsRefused(int treatments) {
        ProcessInstance referral = refer("HOPE");
        Task confirm = task(referral);
        doThrow(ReferralService.treatmentCountRefused(treatments)).when(referralService)
                .authorise(eq(101L), any(), argThat(authorisation -> !authorisation.planAllowed()));

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
        // the real treatment-plan table refused the count; the delegate handed that to ReferralService
        Authorisation refused = lastAuthorisation(101L);
        assertThat(refused.treatments()).isEqualTo(treatments);
        assertThat(refused.planAllowed()).isFalse();
        assertThat(refused.planType()).isNull();
        verify(notifications, never()).send(any());
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

        cancel(referral, "cancelled-by-client", "2026-04-18T10:00", 48.0);

        assertThat(variable(referral, "cancelledBy")).isEqualTo("client");
        assertThat(outputs(decisions(referral, "cancellation-charge").get(0)))
                .containsOnly(entry("chargeable", false), entry("usesTreatment", false), entry("reschedule", true));
        verify(sessionService).applyCancellationCharge(501L, false, false);
        assertThat(variable(referral, "reschedule")).isEqualTo(true);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(1);
        assertThat(variable(referral, "cancellationCharge")).isNull();
        // Rebooked straight from the reschedule gateway, not through the treatments-remaining check.
        assertThat(referral).isWaitingAtExactly("Task_BookAppointment")
                .hasPassed("Task_DetermineCancellationCharge", "Gateway_Reschedule")
                .hasNotPassed("Gateway_AfterSession", "Task_RecordTreatmentDiary");
        assertThat(variable(referral, "lastOutcomeMessage"))
                .isEqualTo("Session 1 was cancelled by client: not charged. Please rebook it with the client.");

        // The rebooked session is the one treatment authorised.
        attend(referral, "2026-04-27T10:00");
        assertThat(variable(referral, "sessionNumber")).isEqualTo(2);
        assertThat(referral).isWaitingAtExactly("Task_CollectShortEvaluation");
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(2);
        verify(sessionService, times(2)).therapistsAvailableFor(101L);
    }

    @Test
    @DisplayName("R6 a client cancelling 23.5 hours ahead is charged, uses the treatment and is NOT rebooked")
    void lateClientCancellationIsChargedAndNotRebooked() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 1);
        book(referral, "2026-04-20T10:00", 3L);

        cancel(referral, "cancelled-by-client", "2026-04-19T10:30", 23.5);

        assertThat(variable(referral, "cancelledBy")).isEqualTo("client");
        assertThat(outputs(decisions(referral, "cancellation-charge").get(0)))
                .containsOnly(entry("chargeable", true), entry("usesTreatment", true), entry("reschedule", false));
        verify(sessionService).applyCancellationCharge(501L, true, true);
        assertThat(variable(referral, "reschedule")).isEqualTo(false);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(0);
        // The one authorised treatment is used up: no rebooking, the plan goes on to its evaluation.
        assertThat(referral).isWaitingAtExactly("Task_CollectShortEvaluation")
                .hasPassed("Gateway_Reschedule", "Gateway_AfterSession", "Gateway_TreatmentsRemaining")
                .hasNotPassed("Task_RecordTreatmentDiary");
        assertThat(count(referral, "Task_BookAppointment")).isEqualTo(1);
        assertThat(variable(referral, "lastOutcomeMessage"))
                .isEqualTo("Session 1 was cancelled by client: charged to the commissioning organisation.");
    }

    @Test
    @DisplayName("R6 in a series, a late client cancellation uses one treatment; the next session is booked from "
            + "the treatments remaining, with no diary for the missed one")
    void lateCancellationInASeriesUsesOneTreatment() {
        ProcessInstance referral = refer("HOPE");
        authorise(referral, 4);
        book(referral, "2026-04-20T10:00", 4L);

        cancel(referral, "cancelled-by-client", "2026-04-20T08:00", 2.0);

        verify(sessionService).applyCancellationCharge(501L, true, true);
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
        reportedNoticeHours = 0.0;

        complete(task(referral), withVariables("sessionOutcome", "not-attended"));
        verify(sessionService).recordOutcome(501L, SessionOutcome.NOT_ATTENDED, null, null, null);
        sendCancellationMail(referral); // the step runs; ClientMails sends nothing for a missed appointment

        assertThat(variable(referral, "sessionAttended")).isEqualTo(false);
        assertThat(variable(referral, "cancelledBy")).isEqualTo("client");
        assertThat(variable(referral, "noticeHours")).isEqualTo(0.0);
        verify(sessionService).applyCancellationCharge(501L, true, true);
        assertThat(variable(referral, "treatmentsRemaining")).isEqualTo(3);
        assertThat(variable(referral, "lastOutcomeMessage"))
                .isEqualTo("Session 1 was not attended: charged to the commissioning organisation.");
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

        cancel(referral, "cancelled-by-provider", "2026-04-20T08:00", 2.0);

        assertThat(variable(referral, "cancelledBy")).isEqualTo("provider");
        assertThat(outputs(decisions(referral, "cancellation-charge").get(0)))
                .containsOnly(entry("chargeable", false), entry("usesTreatment", false), entry("reschedule", true));
        verify(sessionService).applyCancellationCharge(501L, false, false);
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
        when(partnerships.isLive(7L)).thenReturn(false);

        cancel(referral, "cancelled-by-provider", "2026-04-20T08:00", 2.0);

        verify(partnerships, times(2)).isLive(7L); // before the first booking, and on the way back to booking
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(referral.getId())
                .variableName("partnershipLive").singleResult().getValue()).isEqualTo(false);
        verify(referralService).lapse(101L);

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
        cancel(referral, "cancelled-by-client", "2026-04-19T09:00", noticeHours);

        HistoricDecisionInstance decision = decisions(referral, "cancellation-charge").get(0);
        assertThat(decision.getInputs()).extracting(input -> input.getValue())
                .containsExactlyInAnyOrder("client", noticeHours);
        assertThat(outputs(decision)).containsOnly(
                entry("chargeable", charged), entry("usesTreatment", charged), entry("reschedule", rebooked));
        verify(sessionService).applyCancellationCharge(501L, charged, charged);
        assertThat(variable(referral, "reschedule")).isEqualTo(rebooked);
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
        LocalDateTime notifiedAt = LocalDateTime.parse("2026-04-20T10:30");
        doThrow(new BusinessRuleViolation("R6", "The cancellation time is after the appointment; a client who did "
                + "not come should be recorded as 'did not attend'.")).when(sessionService)
                .recordOutcome(eq(501L), eq(SessionOutcome.CANCELLED_BY_CLIENT), eq(notifiedAt), any(), any());

        assertThatThrownBy(() -> taskService().complete(outcome.getId(), withVariables(
                        "sessionOutcome", "cancelled-by-client", "cancellationNotifiedAt", "2026-04-20T10:30")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("R6:");

        assertThat(referral).isWaitingAtExactly("Task_RecordSessionOutcome");
        assertThat(task(referral).getId()).isEqualTo(outcome.getId());
        verify(sessionService).recordOutcome(501L, SessionOutcome.CANCELLED_BY_CLIENT, notifiedAt, null, null);
        verify(sessionService, never()).applyCancellationCharge(anyLong(), anyBoolean(), anyBoolean());
        assertThat(variable(referral, "noticeHours")).isNull();
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
        long first = sessionId(referral);

        cancel(referral, "cancelled-by-provider", "2026-04-20T08:00", 2.0); // checks cancelled(first, reschedule)

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
        long session = sessionId(referral);

        cancel(referral, "cancelled-by-client", "2026-04-19T10:30", 23.5);

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
        verify(referralService).lapse(101L);
        verify(referralService, never()).lapse(102L);
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
        LocalDateTime afterTheEnd = LocalDateTime.parse("2026-10-01T10:00");
        doThrow(new BusinessRuleViolation("R1", "No treatment may be booked after the partnership ends on "
                + "30 September 2026.")).when(sessionService).book(eq(101L), eq(3L), eq(afterTheEnd), any());

        assertThatThrownBy(() -> taskService().complete(booking.getId(), withVariables(
                        "therapistId", "3", "appointmentAt", "2026-10-01T10:00")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("R1:");

        assertThat(referral).isWaitingAtExactly("Task_BookAppointment");
        assertThat(task(referral).getId()).isEqualTo(booking.getId());
        verify(sessionService).book(101L, 3L, afterTheEnd, null);
        assertThat(variable(referral, "sessionId")).isNull();
        assertThat(mailsSent("appointment-booked")).isEmpty();
    }
}
