package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.carecommissioning.support.ProcessSteps.as;
import static org.carecommissioning.support.ProcessSteps.completeAs;
import static org.carecommissioning.support.ProcessSteps.variable;
import static org.carecommissioning.support.MailRetries.retriedJob;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/service-user-consultation.bpmn on a plain in-memory engine with the REAL delegate beans, registered under
 * their bean names with Camunda's {@link Mocks}; {@link Consultations}, {@link NotificationService} and the working-day
 * calendar are Mockito mocks, and consultation-sample-size is the real table. The report's approvals run the real
 * {@link ConsultationReports} on mocked repositories (an in-memory list of approvals), so the role check (U6) is the
 * service's own. Each test walks one path; the rules themselves are the services' (ConsultationsTest,
 * ConsultationReportsTest).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/service-user-consultation.bpmn", "dmn/consultation-sample-size.dmn"})
@DisplayName("service-user-consultation process (U1-U3, U6, X1, X2)")
class ConsultationProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "service-user-consultation";
    private static final String SERVICE_CODE = "SP101";
    private static final String REFERENCE = "SUC-SP101-2026";
    private static final String PROVIDER_EMAIL = "haven@provider.example";
    private static final String OFFICER = "olivia.officer";
    private static final String MANAGER = "cara.manager";
    /** U3: what the mocked calendar gives for 5 working days after 2 Nov 2026. */
    private static final LocalDate FIVE_WORKING_DAYS = LocalDate.of(2026, 11, 9);

    private static final String SP_MANAGER = "sam.spmanager";
    private static final String HEAD_OF_CONTRACTS = "hal.head";

    private Consultations consultations;
    private ConsultationConcernRepository concerns;
    private final List<ConsultationReportApproval> approvals = new ArrayList<>();
    private ConsultationScheduling scheduling;
    private NotificationService notifications;
    private Consultation consultation;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-11-02T09:00");
        consultations = mock(Consultations.class);
        concerns = mock(ConsultationConcernRepository.class);
        AnswerSetRepository answerSets = mock(AnswerSetRepository.class);
        when(answerSets.countByConsultationIdAndConsentReferenceIsNotNull(any())).thenReturn(2L);
        scheduling = mock(ConsultationScheduling.class);
        notifications = mock(NotificationService.class);
        WorkingDayCalendar calendar = mock(WorkingDayCalendar.class);
        when(calendar.plusWorkingDays(LocalDate.of(2026, 11, 2), 5)).thenReturn(FIVE_WORKING_DAYS);
        ConsultationDeadlines deadlines = new ConsultationDeadlines(LONDON);
        Clock clock = new EngineClock();

        ContractedService service = mock(ContractedService.class);
        when(service.getName()).thenReturn("Haven floating support");
        when(service.getServiceCode()).thenReturn(SERVICE_CODE);
        when(service.getPurchasingOfficer()).thenReturn(OFFICER);
        Organisation provider = mock(Organisation.class);
        when(provider.getGroupId()).thenReturn("pr-haven");
        when(provider.getName()).thenReturn("Haven Housing");
        when(provider.getEmail()).thenReturn(PROVIDER_EMAIL);
        planned(null);
        when(consultations.serviceOf(any())).thenReturn(service);
        when(consultations.providerOf(any())).thenReturn(provider);
        when(consultations.proposeApproach(eq(REFERENCE), any(), any(), any(), any(), any(), any())).thenAnswer(call -> {
            Integer minimum = call.getArgument(3);
            Integer proposed = call.getArgument(5);
            consultation.proposed(call.getArgument(1), call.getArgument(2), minimum, call.getArgument(4),
                    proposed == null ? minimum : proposed, call.getArgument(6), TestClock.now());
            return consultation;
        });
        when(consultations.agreeApproach(eq(REFERENCE), any(), any(), any(), any(), any())).thenAnswer(call -> {
            ConsultationMethod method = call.getArgument(1);
            Integer sample = call.getArgument(2);
            if (sample != null && sample < consultation.getMinimumToContact() && call.getArgument(3) == null) {
                throw new BusinessRuleViolation("U2", "A sample of " + sample + " is below the minimum.");
            }
            consultation.agreed(method == null ? consultation.getMethod() : method,
                    sample == null ? consultation.getSampleSize() : sample, call.getArgument(3), call.getArgument(5),
                    TestClock.now());
            consultation.shortNotice(call.getArgument(4), TestClock.now());
            return consultation;
        });

        when(consultations.growSample(eq(REFERENCE), any(), any(), any())).thenAnswer(call -> {
            Integer more = call.getArgument(1);
            int remaining = consultation.getServiceUsers() - consultation.getSampleSize();
            if (more == null || more < 1 || more > remaining) {
                throw new BusinessRuleViolation("U5", "Give how many more service users are interviewed, between 1"
                        + " and " + remaining + ".");
            }
            consultation.sampleGrown(more, call.getArgument(2), call.getArgument(3), TestClock.now());
            return consultation;
        });

        Mocks.register("consultationPlanDelegate", new ConsultationPlanDelegate(consultations, deadlines,
                scheduling));
        Mocks.register("consultationProposalFormListener", new ConsultationProposalFormListener());
        Mocks.register("consultationProposalDelegate", new ConsultationProposalDelegate(consultations));
        Mocks.register("consultationAgreementDelegate", new ConsultationAgreementDelegate(consultations));
        Mocks.register("consultationQuestionnaireMailDelegate",
                new ConsultationQuestionnaireMailDelegate(consultations, notifications, deadlines, clock));
        Mocks.register("consultationQuestionnairesDelegate", new ConsultationQuestionnairesDelegate(deadlines));
        Mocks.register("consultationMeetingMailDelegate",
                new ConsultationMeetingMailDelegate(consultations, notifications, deadlines, calendar, clock));
        ConsultationReports reports = new ConsultationReports(consultations, concerns, answerSets,
                ReportApprovalsInMemory.in(approvals), clock);
        Mocks.register("consultationMeetingsDelegate", new ConsultationMeetingsDelegate(consultations, reports,
                deadlines, clock));
        Mocks.register("consultationSampleGrowthDelegate", new ConsultationSampleGrowthDelegate(consultations));
        Mocks.register("consultationReportDelegate", new ConsultationReportDelegate(reports));
        Mocks.register("consultationReportDraftListener", new ConsultationReportDraftListener(consultations));
        Mocks.register("consultationReportApprovalListener", new ConsultationReportApprovalListener(reports));
        Mocks.register("consultationReportApprovedDelegate", new ConsultationReportApprovedDelegate(reports));
        Mocks.register("consultationReportMailDelegate", new ConsultationReportMailDelegate(consultations, reports,
                notifications));
        Mocks.register("consultationReportIssuedDelegate", new ConsultationReportIssuedDelegate(consultations));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    @Test
    @DisplayName("U2, U4, U6: by questionnaire: over 500 users the table allows only questionnaires; recorded until"
            + " the closing date, the report is due 6 weeks later, approved and e-mailed, then issued")
    void questionnairePath() {
        ProcessInstance instance = start();
        Task propose = task(instance);
        assertThat(propose).hasDefinitionKey("Task_ProposeApproach");
        assertOfficerTask(propose);
        completeAs(OFFICER, propose, Map.of("consultationMethod", "QUESTIONNAIRE", "serviceUsers", 600L));
        // U2: 5% of 600, rounded up; questionnaires only over 500 users
        verify(consultations).proposeApproach(REFERENCE, ConsultationMethod.QUESTIONNAIRE, 600, 30, true, null,
                OFFICER);
        assertThat(variable(instance, "minimumToContact")).isEqualTo(30);

        Task agree = task(instance);
        assertThat(agree).hasDefinitionKey("Task_AgreeApproach").hasCandidateGroup("contracts-manager");
        completeAs(MANAGER, agree, Map.of());
        verify(consultations).agreeApproach(REFERENCE, null, null, null, null, MANAGER);

        assertThat(instance).isWaitingAt("Task_EmailQuestionnaires");
        execute(retriedJob(instance, "Task_EmailQuestionnaires"));
        verify(notifications).send(mail("consultation-questionnaires"));
        Task record = task(instance);
        assertThat(record).hasDefinitionKey("Task_RecordQuestionnaires");
        assertOfficerTask(record);
        // X1: due by the end of the closing date, 4 weeks after the e-mail
        assertThat(record.getDueDate()).isEqualTo(london("2026-11-30T23:59:59"));

        assertThatThrownBy(() -> completeAs(OFFICER, record, Map.of("allQuestionnairesRecorded", false)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("confirm that all are recorded");
        assertThat(instance).isWaitingAt("Task_RecordQuestionnaires");
        completeAs(OFFICER, record, Map.of("allQuestionnairesRecorded", true));

        writeAndApproveReport(instance, london("2027-01-11T23:59:59"));
        verify(consultations, never()).recordConsent(any(), any(), any());
    }

    @Test
    @DisplayName("U2, U3, U6: by interview: a sample below the minimum is refused without the manager's reason and"
            + " agreed with it; short notice for ongoing concerns; the meeting task is refused until consents and"
            + " answers are recorded; a report sent back is written again")
    void interviewPath() {
        ProcessInstance instance = start();
        completeAs(OFFICER, task(instance), Map.of("consultationMethod", "INDIVIDUAL_INTERVIEW", "serviceUsers", 25L,
                "proposedSample", 7L));
        // U2: 25% of 25 users, rounded up
        verify(consultations).proposeApproach(REFERENCE, ConsultationMethod.INDIVIDUAL_INTERVIEW, 25, 7, false, 7,
                OFFICER);

        Task agree = task(instance);
        assertThatThrownBy(() -> completeAs(MANAGER, agree, Map.of("agreedSample", 2L)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("below the minimum");
        assertThat(instance).isWaitingAt("Task_AgreeApproach");
        completeAs(MANAGER, agree, Map.of("agreedSample", 2L, "sampleReason", "Only two users live on site.",
                "shortNoticeReason", "Ongoing concerns about night cover."));
        verify(consultations).agreeApproach(REFERENCE, null, 2, "Only two users live on site.",
                "Ongoing concerns about night cover.", MANAGER);
        assertThat(variable(instance, "byQuestionnaire")).isEqualTo(false);
        // U3: the reasons are stored on the consultation; their free text is no process variable any more
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("sampleReason",
                "shortNoticeReason");

        execute(retriedJob(instance, "Task_EmailMeetingRequest"));
        verify(notifications).send(argThat(email -> email.template().equals("consultation-meeting")
                && "Mon 9 Nov 2026".equals(email.model().get("earliestMeetingDate"))
                && email.model().get("noticeGiven").toString().contains("5 working days")
                && email.attachments().size() == 1
                && email.attachments().get(0).fileName().equals("Consent-form-" + REFERENCE + ".pdf")
                && new String(email.attachments().get(0).content(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)
                        .equals("%PDF")));
        Task meeting = task(instance);
        assertThat(meeting).hasDefinitionKey("Task_RecordMeeting");
        assertOfficerTask(meeting);

        // U3: the meetings are held on 10 Nov 2026, after the earliest date the short notice allowed
        TestClock.setTo("2026-11-10T17:00");
        assertThatThrownBy(() -> completeAs(OFFICER, meeting, Map.of("lastMeetingDate", "2026-11-06",
                "everyParticipantConsented", true))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("less notice");
        when(consultations.requireParticipantsRecorded(REFERENCE))
                .thenThrow(new BusinessRuleViolation("U3", "No participant's signed consent is recorded."))
                .thenReturn(2);
        Map<String, Object> held = Map.of("lastMeetingDate", "2026-11-10", "everyParticipantConsented", true);
        assertThatThrownBy(() -> completeAs(OFFICER, meeting, held)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("No participant's signed consent");
        assertThatThrownBy(() -> completeAs(OFFICER, meeting, Map.of("lastMeetingDate", "2026-11-10",
                "everyParticipantConsented", false))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("signed consent form");
        assertThat(instance).isWaitingAt("Task_RecordMeeting");
        completeAs(OFFICER, meeting, held);

        Task write = task(instance);
        assertThat(write).hasDefinitionKey("Task_WriteReport");
        completeAs(OFFICER, write, Map.of("reportHeadline", "Draft", "reportText", "First draft."));
        Task approve = task(instance);
        assertThat(approve).hasDefinitionKey("Task_ApproveReport");
        completeWithRoles(MANAGER, List.of("contracts-manager"), approve, Map.of("reportDecision", "revise"));
        assertThat(instance).isWaitingAt("Task_WriteReport");
        assertThat(approvals).extracting(ConsultationReportApproval::getDecision).containsExactly(ReportDecision.REVISE);
        // U6: the report sent back opens as the approver read it, to be revised rather than typed again
        assertThat(variable(instance, "reportHeadline")).isEqualTo("Draft");
        assertThat(variable(instance, "reportText")).isEqualTo("First draft.");
        // U6: 6 weeks after the last meeting; the revised report is version 2, approved again
        writeAndApproveReport(instance, london("2026-12-22T23:59:59"));
        assertThat(approvals).extracting(ConsultationReportApproval::getReportVersion).containsExactly(1, 2);
    }

    @Test
    @DisplayName("U6: an adverse report is approved by the contracts manager, the SP manager and the head of"
            + " contracts in parallel; a user without the task's role is refused; one revise sends it back and every"
            + " role approves the revised report again; a complaint keeps it adverse")
    void adverseReportNeedsThreeRoles() {
        ProcessInstance instance = questionnairesRecorded();
        completeAs(OFFICER, task(instance), Map.of("reportHeadline", "Night cover worries users.", "reportText",
                "Several users said nobody answers at night.", "reportAdverse", true));
        assertThat(variable(instance, "reportAdverse")).isEqualTo(true);
        assertThat(instance).isWaitingAt("Task_ManagerApprovesAdverseReport", "Task_SpManagerApprovesReport",
                "Task_HeadOfContractsApprovesReport");
        assertThat(roleTask(instance, "Task_ManagerApprovesAdverseReport")).hasCandidateGroup("contracts-manager");
        assertThat(roleTask(instance, "Task_SpManagerApprovesReport")).hasCandidateGroup("sp-manager");
        assertThat(roleTask(instance, "Task_HeadOfContractsApprovesReport")).hasCandidateGroup("head-of-contracts");

        // U6: the wrong role is refused, naming the role needed; nobody signed in is refused too (fails closed)
        Task spTask = roleTask(instance, "Task_SpManagerApprovesReport");
        assertThatThrownBy(() -> completeWithRoles(MANAGER, List.of("contracts-manager"), spTask,
                Map.of("reportDecision", "approve"))).rootCause().isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Only the SP manager (role sp-manager)");
        assertThatThrownBy(() -> BpmnAwareTests.complete(spTask, Map.of("reportDecision", "approve")))
                .rootCause().isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("nobody is signed in");
        assertThat(instance).isWaitingAt("Task_SpManagerApprovesReport");
        assertThat(approvals).isEmpty();

        completeWithRoles(SP_MANAGER, List.of("sp-manager"), spTask, Map.of("reportDecision", "approve"));
        // each approval task has its own decision: the head of contracts' form does not show the SP manager's
        assertThat(taskService().getVariable(roleTask(instance, "Task_HeadOfContractsApprovesReport").getId(),
                "reportDecision")).isNull();
        completeWithRoles(HEAD_OF_CONTRACTS, List.of("head-of-contracts"),
                roleTask(instance, "Task_HeadOfContractsApprovesReport"), Map.of("reportDecision", "revise"));
        assertThat(instance).isWaitingAt("Task_ManagerApprovesAdverseReport");
        completeWithRoles(MANAGER, List.of("contracts-manager"), roleTask(instance,
                "Task_ManagerApprovesAdverseReport"), Map.of("reportDecision", "approve"));
        // U6: one revise is enough to send it back
        assertThat(instance).isWaitingAt("Task_WriteReport");
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKey("reportDecision");
        assertThat(approvals).extracting(ConsultationReportApproval::getApproverRole, ConsultationReportApproval::getDecision,
                ConsultationReportApproval::getDecidedBy).containsExactly(
                        tuple("sp-manager", ReportDecision.APPROVE, SP_MANAGER),
                        tuple("head-of-contracts", ReportDecision.REVISE, HEAD_OF_CONTRACTS),
                        tuple("contracts-manager", ReportDecision.APPROVE, MANAGER));

        // U6: a complaint was raised, so the report stays adverse although the officer no longer says so
        when(concerns.existsByConsultationIdAndKind(any(), eq(ConcernKind.COMPLAINT))).thenReturn(true);
        completeAs(OFFICER, task(instance), Map.of("reportHeadline", "Night cover worries users.", "reportText",
                "Several users said nobody answers at night; the provider is recruiting.", "reportAdverse", false));
        assertThat(variable(instance, "reportAdverse")).isEqualTo(true);
        completeWithRoles(MANAGER, List.of("contracts-manager"), roleTask(instance,
                "Task_ManagerApprovesAdverseReport"), Map.of("reportDecision", "approve"));
        completeWithRoles(SP_MANAGER, List.of("sp-manager"), roleTask(instance, "Task_SpManagerApprovesReport"),
                Map.of("reportDecision", "approve"));
        assertThat(instance).isWaitingAt("Task_HeadOfContractsApprovesReport");
        completeWithRoles(HEAD_OF_CONTRACTS, List.of("head-of-contracts"),
                roleTask(instance, "Task_HeadOfContractsApprovesReport"), Map.of("reportDecision", "approve"));
        assertThat(approvals).filteredOn(approval -> approval.getReportVersion() == 2).hasSize(3);
        mailAndIssueReport(instance);
    }

    @Test
    @DisplayName("U5: after adverse comments the contracts manager approves more interviews (refused beyond the users"
            + " not yet in the sample): the sample grows and the provider is asked again with the same notice and"
            + " consent form; after a complaint the manager is asked again and declines, and the officer writes the"
            + " report")
    void moreInterviewsLoop() {
        ProcessInstance instance = meetingsRequested("INDIVIDUAL_INTERVIEW", 25L);
        TestClock.setTo("2026-12-03T17:00");
        completeAs(OFFICER, task(instance), Map.of("lastMeetingDate", "2026-12-03", "everyParticipantConsented", true,
                "adverseComments", true));
        assertThat(variable(instance, "adverseComments")).isEqualTo(true);
        Task decide = task(instance);
        assertThat(decide).hasDefinitionKey("Task_DecideMoreInterviews").hasCandidateGroup("contracts-manager");

        // U5: 25 users, a sample of 7: at most 18 more
        assertThatThrownBy(() -> completeAs(MANAGER, decide, Map.of("moreInterviews", "approve", "additionalUsers", 19L,
                "moreInterviewsReason", "Users on the night shift were not heard."))).isInstanceOf(
                BusinessRuleViolation.class).hasMessageContaining("between 1 and 18");
        assertThat(instance).isWaitingAt("Task_DecideMoreInterviews");
        assertThat(consultation.getSampleSize()).isEqualTo(7);
        completeAs(MANAGER, decide, Map.of("moreInterviews", "approve", "additionalUsers", 2L,
                "moreInterviewsReason", "Users on the night shift were not heard."));
        verify(consultations).growSample(REFERENCE, 2, "Users on the night shift were not heard.", MANAGER);
        assertThat(variable(instance, "sampleSize")).isEqualTo(9);
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKey("moreInterviewsReason");

        // U3, U5: the provider is asked again, with a month's notice from now and the consent form
        assertThat(instance).isWaitingAt("Task_EmailMeetingRequest");
        execute(retriedJob(instance, "Task_EmailMeetingRequest"));
        verify(notifications).send(argThat(email -> email.template().equals("consultation-meeting")
                && "Sun 3 Jan 2027".equals(email.model().get("earliestMeetingDate"))
                && email.model().get("participantsWanted").toString().startsWith("9 service users in all, 2 more")
                && email.attachments().size() == 1));
        Task meeting = task(instance);
        assertThat(meeting).hasDefinitionKey("Task_RecordMeeting");
        TestClock.setTo("2027-01-05T17:00");
        // U5: a complaint was raised meanwhile: adverse although the officer does not tick it
        when(concerns.existsByConsultationIdAndKind(any(), eq(ConcernKind.COMPLAINT))).thenReturn(true);
        completeAs(OFFICER, meeting, Map.of("lastMeetingDate", "2027-01-05", "everyParticipantConsented", true,
                "adverseComments", false));
        assertThat(variable(instance, "adverseComments")).isEqualTo(true);
        completeAs(MANAGER, task(instance), Map.of("moreInterviews", "decline"));
        assertThat(instance).isWaitingAt("Task_WriteReport");
        // the refused 19 and the approved 2; declining grows nothing
        verify(consultations, times(2)).growSample(any(), any(), any(), any());
        // U6: 6 weeks after the last interview
        assertThat(task(instance).getDueDate()).isEqualTo(london("2027-02-16T23:59:59"));
    }

    @Test
    @DisplayName("U6: a report without a headline is refused (400 sentence) and Write report stays open")
    void reportWithoutHeadline() {
        ProcessInstance instance = questionnairesRecorded();
        Task write = task(instance);
        assertThatThrownBy(() -> completeAs(OFFICER, write, Map.of("reportText", "Text only.")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Give the report a headline");
        assertThat(instance).isWaitingAt("Task_WriteReport");
        assertThat(consultation.getReportVersion()).isZero();
    }

    @Test
    @DisplayName("U3: without the contracts manager's short-notice reason a meeting needs a month's notice; an earlier"
            + " meeting date is refused with the rule's sentence and the task stays open")
    void monthsNoticeWithoutShortNoticeReason() {
        ProcessInstance instance = meetingsRequested("SMALL_GROUP", 12L);
        verify(notifications).send(argThat(email -> email.template().equals("consultation-meeting")
                && "Wed 2 Dec 2026".equals(email.model().get("earliestMeetingDate"))
                && email.model().get("noticeGiven").toString().contains("one month")));
        Task meeting = task(instance);
        TestClock.setTo("2026-11-20T17:00");
        assertThatThrownBy(() -> completeAs(OFFICER, meeting, Map.of("lastMeetingDate", "2026-11-16",
                "everyParticipantConsented", true))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("one month, as no short-notice reason")
                .hasMessageContaining("2026-12-02");
        assertThat(instance).isWaitingAt("Task_RecordMeeting");
        verify(consultations, never()).requireParticipantsRecorded(any());
    }

    @Test
    @DisplayName("U2: a negative or non-numeric number of service users is refused before the table reads it")
    void badNumberOfServiceUsers() {
        ProcessInstance instance = start();
        Task propose = task(instance);
        for (Object users : new Object[] {-1L, "twelve"}) {
            assertThatThrownBy(() -> completeAs(OFFICER, propose, Map.of("consultationMethod", "SMALL_GROUP",
                    "serviceUsers", users))).rootCause().isInstanceOf(BusinessRuleViolation.class)
                    .hasMessageContaining("service users");
        }
        // the task listener's refusal reaches REST callers as 400 with this sentence (ErrorCauses finds it)
        assertThatThrownBy(() -> completeAs(OFFICER, propose, Map.of("serviceUsers", 12L)))
                .rootCause().isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Choose the method");
        assertThat(instance).isWaitingAt("Task_ProposeApproach");
        verify(consultations, never()).proposeApproach(any(), any(), any(), any(), any(), any(), any());
    }

    @Test
    @DisplayName("U1: a consultation postponed by the procurement review waits for 1 April of its year, then the"
            + " officer proposes the approach")
    void postponedPath() {
        planned("2026/27");
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Event_FinancialYearStarts");
        assertThat(variable(instance, "postponed")).isEqualTo(true);
        Job timer = jobQuery().processInstanceId(instance.getId()).activityId("Event_FinancialYearStarts").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(london("2027-04-01T00:00"));
        execute(timer);
        assertThat(instance).isWaitingAt("Task_ProposeApproach");
    }

    @Test
    @DisplayName("U1: a second consultation of a service with an open one is refused; no process is left behind")
    void refusedPlan() {
        when(consultations.plan(eq(SERVICE_CODE), any())).thenThrow(new BusinessRuleViolation("U1",
                "Service SP101 already has an open consultation."));
        assertThatThrownBy(this::start).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("already has an open consultation");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void planned(String postponedFrom) {
        consultation = new Consultation(REFERENCE, 11L, postponedFrom == null ? "2026/27" : "2027/28", postponedFrom,
                OFFICER, TestClock.now());
        when(consultations.plan(eq(SERVICE_CODE), any())).thenReturn(consultation);
        when(consultations.get(REFERENCE)).thenReturn(consultation);
    }

    /** A questionnaire consultation up to Write report. */
    private ProcessInstance questionnairesRecorded() {
        ProcessInstance instance = start();
        completeAs(OFFICER, task(instance), Map.of("consultationMethod", "QUESTIONNAIRE", "serviceUsers", 600L));
        completeAs(MANAGER, task(instance), Map.of());
        execute(retriedJob(instance, "Task_EmailQuestionnaires"));
        completeAs(OFFICER, task(instance), Map.of("allQuestionnairesRecorded", true));
        assertThat(instance).isWaitingAt("Task_WriteReport");
        return instance;
    }

    /** A meeting or interview consultation, agreed as proposed, up to Record meetings and consents. */
    private ProcessInstance meetingsRequested(String method, long serviceUsers) {
        ProcessInstance instance = start();
        completeAs(OFFICER, task(instance), Map.of("consultationMethod", method, "serviceUsers", serviceUsers));
        completeAs(MANAGER, task(instance), Map.of());
        execute(retriedJob(instance, "Task_EmailMeetingRequest"));
        return instance;
    }

    private static Task roleTask(ProcessInstance instance, String taskDefinitionKey) {
        return taskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    private ProcessInstance start() {
        ProcessInstance instance = as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS,
                withVariables("serviceCode", SERVICE_CODE)));
        verify(consultations).plan(SERVICE_CODE, OFFICER);
        verify(scheduling).consultationPlanned(SERVICE_CODE, null);
        assertThat(instance).hasBusinessKey(REFERENCE);
        return instance;
    }

    private void writeAndApproveReport(ProcessInstance instance, java.util.Date due) {
        Task write = task(instance);
        assertThat(write).hasDefinitionKey("Task_WriteReport");
        assertOfficerTask(write);
        assertThat(write.getDueDate()).isEqualTo(due);
        completeAs(OFFICER, write, Map.of("reportHeadline", "Users value their key workers.", "reportText",
                "Most users said their key worker listens to them.", "reportAdverse", false));
        // U6: the report is on the consultation, not in the process variables
        assertThat(consultation.getReportHeadline()).isEqualTo("Users value their key workers.");
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("reportText", "reportHeadline");
        assertThat(variable(instance, "reportAdverse")).isEqualTo(false);
        Task approve = task(instance);
        assertThat(approve).hasDefinitionKey("Task_ApproveReport").hasCandidateGroup("contracts-manager");
        completeWithRoles(MANAGER, List.of("contracts-manager"), approve, Map.of("reportDecision", "approve"));
        assertThat(instance).hasPassed("Task_CheckApprovals");
        mailAndIssueReport(instance);
    }

    private void mailAndIssueReport(ProcessInstance instance) {
        execute(retriedJob(instance, "Task_EmailReport"));
        verify(notifications).send(argThat(email -> email.template().equals("consultation-report")
                && email.to().equals(PROVIDER_EMAIL)
                && consultation.getReportHeadline().equals(email.model().get("reportHeadline"))
                && email.attachments().size() == 1
                && email.attachments().get(0).fileName().equals("Consultation-report-" + REFERENCE + ".pdf")));
        verify(consultations, never()).reportIssued(any());
        execute(retriedJob(instance, "Task_IssueReport"));
        verify(consultations).reportIssued(REFERENCE);
        assertThat(instance).isEnded().hasPassed("EndEvent_ReportIssued");
    }

    /** Completes the task as {@code userId} in {@code groups}, as Tasklist does for a signed-in user. */
    private static void completeWithRoles(String userId, List<String> groups, Task task, Map<String, Object> form) {
        identityService().setAuthentication(userId, groups);
        try {
            BpmnAwareTests.complete(task, form);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** The officer's tasks: assigned to the service's purchasing officer, open to the contracts managers too. */
    private static void assertOfficerTask(Task task) {
        assertThat(task).isAssignedTo(OFFICER);
        assertThat(taskService().getIdentityLinksForTask(task.getId())).anySatisfy(link -> {
            assertThat(link.getGroupId()).isEqualTo("contracts-manager");
            assertThat(link.getType()).isEqualTo("candidate");
        });
    }

    private static Email mail(String template) {
        return argThat(email -> email != null && email.to().equals(PROVIDER_EMAIL) && email.template().equals(template)
                && REFERENCE.equals(email.model().get("consultationReference")));
    }

    /** The application's clock in these tests: the engine's, which TestClock moves. */
    private static final class EngineClock extends Clock {

        @Override
        public ZoneId getZone() {
            return LONDON;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
