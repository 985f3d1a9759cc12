package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestClock;
import org.carecommissioning.support.TestSmtp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks service-user consultations the way their users do: the purchasing officer starts and proposes them and records
 * consents, answers and questionnaires over {@code /api/consultations/...}; the contracts manager agrees, decides on more
 * interviews (U5) and approves; the SP manager and the head of contracts act on escalations and approve adverse
 * reports; the mail jobs run as the job executor runs them and the mails are read from GreenMail. Used on H2
 * ({@link ConsultationJourneyTest}) and on PostgreSQL ({@code integration.ConsultationPostgresIT}).
 */
@Component
public class ConsultationJourney {

    /** The address care.consultation.safeguarding-email has in the tests (application.yaml's default). */
    public static final String SAFEGUARDING_EMAIL = "safeguarding@commissioning.example";

    private final Scenario scenario;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    /** Only test contexts have one; the nodes integration tests start themselves scan this class too. */
    private final ObjectProvider<TestRestTemplate> rest;
    private final JdbcTemplate jdbc;
    private final Consultations consultations;
    private final ConsultationReports reports;

    ConsultationJourney(Scenario scenario, RuntimeService runtimeService, TaskService taskService,
            ObjectProvider<TestRestTemplate> rest, JdbcTemplate jdbc, Consultations consultations,
            ConsultationReports reports) {
        this.scenario = scenario;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.rest = rest;
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.reports = reports;
    }

    /**
     * The names and free text of one interview consultation, each unique to the run so a search for it in the
     * engine's tables finds nothing else.
     */
    public record Interview(String participant, String carer, String withdrawn, String later, String keptAnswer,
            String withdrawnAnswer, String laterAnswer, String comment, String concern, String outcomeNote) {

        public static Interview named(String code) {
            return new Interview("Ophelia " + code + "-Participant", "Barnaby " + code + "-Carer",
                    "Ignatius " + code + "-Withdrawer", "Lavinia " + code + "-Later", "Kept-answer-" + code
                    + ": the staff are kind", "Withdrawn-answer-" + code + ": the night staff shout", "Later-answer-"
                    + code + ": the garden is lovely", "Adverse-comment-" + code + ": meals are cold",
                    "Safeguarding-concern-" + code + ": a fall not reported", "Outcome-note-" + code
                    + ": referred the same day");
        }

        /** Every name and free text of the consultation, none of which may reach a variable or history row. */
        public List<String> personal() {
            return List.of(participant, carer, withdrawn, later, keptAnswer, withdrawnAnswer, laterAnswer, comment,
                    concern, outcomeNote);
        }
    }

    /**
     * U1-U6, journey (1): an individual-interview consultation of the world's service from its start form to the issued
     * report, asserting each step as its user sees it: one participant withdraws (U3), an adverse answer is raised as an
     * anonymous complaint and a safeguarding concern is escalated (U4), the contracts manager approves one more
     * interview (U5), the adverse report is approved by three roles and e-mailed as a PDF counting the participants
     * without the withdrawn one (U6). Returns the issued consultation's instance.
     */
    public ProcessInstance interviewConsultation(ConsultedService world, String headOfContracts, Interview people)
            throws Exception {
        // U1, U2: the officer starts it from Tasklist's start form and proposes interviews; the manager agrees
        Scenario.now(LocalDateTime.of(2027, 5, 3, 9, 0));
        ProcessInstance instance = start(world);
        String reference = instance.getBusinessKey();
        scenario.complete(world.officer(), instance, "Task_ProposeApproach", Map.of("consultationMethod",
                "INDIVIDUAL_INTERVIEW", "serviceUsers", 12L));
        assertThat(consultations.get(reference).getMinimumToContact()).as("U2: 11-20 users, 5 to contact").isEqualTo(5);
        scenario.complete(world.manager(), instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        MimeMessage meetings = mail(providerEmail(world), reference + ": please arrange");
        assertThat(pdfText(meetings, ConsentFormPdf.fileName(consultations.get(reference)))).contains(reference);
        assertThat(body(meetings)).contains("5 service users", "the earliest date is Thu 3 Jun 2027");

        // U3: the interviews on Thursday 10 June: two consents and their answers; one participant withdraws
        Scenario.now(LocalDateTime.of(2027, 6, 10, 16, 0));
        String kept = consent(world.officer(), reference, Map.of("signedByServiceUser", true, "carerSigned", true,
                "signedOn", "2027-06-10", "participantName", people.participant(), "carerName", people.carer()));
        String withdrawn = consent(world.officer(), reference, Map.of("signedByServiceUser", true, "signedOn",
                "2027-06-10", "participantName", people.withdrawn()));
        answers(world.officer(), reference, kept, people.keptAnswer());
        answers(world.officer(), reference, withdrawn, people.withdrawnAnswer());
        assertThat(count("SELECT COUNT(*) FROM answer WHERE answer_text = ?", people.withdrawnAnswer())).isEqualTo(1);
        assertThat(withdraw(world.officer(), reference, withdrawn)).isEqualTo(HttpStatus.OK);
        assertThat(withdraw(world.manager(), reference, withdrawn)).as("a second withdrawal")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertWithdrawn(withdrawn, people.withdrawnAnswer());
        assertThat(count("SELECT COUNT(*) FROM answer WHERE answer_text = ?", people.keptAnswer())).isEqualTo(1);

        // U4: the kept participant's adverse answer raised as an anonymous complaint, and a safeguarding concern
        assertThat(raiseConcerns(world.officer(), reference, Map.of("consentReference", kept, "adverseComment",
                people.comment(), "complaint", "ANONYMOUS", "safeguardingConcern", people.concern())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Task act = concernTask(reference + "-E1");
        assertThat(act.getTaskDefinitionKey()).isEqualTo("Task_ActOnSafeguarding");
        assertThat(act.getDueDate()).as("U4: due the same working day").isEqualTo(TestClock.london("2027-06-10T23:59:59"));
        assertThat(candidates(world.spManager(), act)).as("for the SP manager").isEqualTo(1);
        assertThat(candidates(headOfContracts, act)).as("and the head of contracts").isEqualTo(1);
        Task handle = concernTask(reference + "-E2");
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("Task_HandleComplaint");
        assertThat(handle.getDueDate()).as("10 working days").isEqualTo(TestClock.london("2027-06-24T23:59:59"));
        assertThat(candidates(world.manager(), handle)).as("for the contracts manager").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM consultation_concern WHERE reference = ? AND consent_reference IS NULL",
                reference + "-E2")).as("an anonymous complaint keeps no consent reference").isEqualTo(1);
        scenario.executeDueJobs(act.getProcessInstanceId());
        assertThat(body(mail(SAFEGUARDING_EMAIL, "Safeguarding concern " + reference + "-E1")))
                .contains("Thu 10 Jun 2027").doesNotContain(people.concern());
        complete(world.spManager(), act, Map.of("safeguardingAction", "REFERRED_TO_SAFEGUARDING_TEAM",
                "outcomeNote", people.outcomeNote(), "actedOn", "2027-06-10"));
        complete(world.manager(), handle, Map.of("complaintCaseReference", "CP-" + world.code(), "handedOverOn",
                "2027-06-10"));
        assertThat(jdbc.queryForList("SELECT outcome FROM consultation_concern WHERE reference LIKE ? ORDER BY"
                + " reference", String.class, reference + "-E%")).containsExactly("REFERRED_TO_SAFEGUARDING_TEAM",
                        "HANDED_TO_COMPLAINTS_PROCEDURE");

        // U5: adverse comments at the interviews; the contracts manager approves one more interview
        recordMeetings(world, instance, "2027-06-10");
        scenario.complete(world.manager(), instance, "Task_DecideMoreInterviews", Map.of("moreInterviews", "approve",
                "additionalUsers", 1L, "moreInterviewsReason", "One more view on the meals."));
        assertThat(consultations.get(reference).getSampleSize()).as("U5: the sample grows").isEqualTo(6);
        TestSmtp.server().purgeEmailFromAllMailboxes();
        scenario.executeDueJobs(instance.getId());
        assertThat(body(mail(providerEmail(world), reference + ": please arrange"))).as("the provider asked again")
                .contains("6 service users in all, 1 more than first agreed");

        // U3: one more participant interviewed on Monday 12 July, a month after the provider was asked again
        Scenario.now(LocalDateTime.of(2027, 7, 12, 15, 0));
        String later = consent(world.officer(), reference, Map.of("signedByServiceUser", true, "signedOn",
                "2027-07-12", "participantName", people.later()));
        answers(world.officer(), reference, later, people.laterAnswer());
        recordMeetings(world, instance, "2027-07-12");
        scenario.complete(world.manager(), instance, "Task_DecideMoreInterviews", Map.of("moreInterviews", "decline"));

        // U6: the adverse report, due 6 weeks after the last interview, approved by the three roles, then issued
        Task write = scenario.task(instance, "Task_WriteReport");
        assertThat(write.getDueDate()).isEqualTo(TestClock.london("2027-08-23T23:59:59"));
        scenario.complete(world.officer(), instance, "Task_WriteReport", Map.of("reportHeadline", "Meals and nights"
                + " need attention", "reportText", "Users value the staff; meals are often cold.", "reportAdverse",
                true));
        Map<String, Object> approve = Map.of("reportDecision", "approve");
        scenario.complete(world.spManager(), instance, "Task_SpManagerApprovesReport", approve);
        scenario.complete(headOfContracts, instance, "Task_HeadOfContractsApprovesReport", approve);
        scenario.complete(world.manager(), instance, "Task_ManagerApprovesAdverseReport", approve);
        assertThat(reports.approvals(reference)).extracting(ConsultationReportApproval::getDecidedBy)
                .containsExactly(world.spManager(), headOfContracts, world.manager());
        scenario.executeDueJobs(instance.getId());
        MimeMessage report = mail(providerEmail(world), reference + ": service users' views");
        assertThat(pdfText(report, ConsultationReportPdf.fileName(consultations.get(reference))))
                .as("U3: the withdrawn participant is not counted").contains("Service users who took part: 2",
                        "Meals and nights need attention").doesNotContain(people.participant());
        assertThat(consultations.get(reference).getStatus()).isEqualTo(ConsultationStatus.REPORT_ISSUED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertWithdrawn(withdrawn, people.withdrawnAnswer());
        assertNoTrace(people.personal());
        return instance;
    }

    /**
     * U2, U4, U6, journey (2): a questionnaire consultation of a service with over 500 users: questionnaires only, the
     * provider e-mailed, three questionnaires recorded anonymously, closed, the report approved by the contracts
     * manager alone and issued.
     */
    public ProcessInstance questionnaireConsultation(ConsultedService world) throws Exception {
        Scenario.now(LocalDateTime.of(2027, 5, 3, 9, 0));
        ProcessInstance instance = start(world);
        String reference = instance.getBusinessKey();
        scenario.complete(world.officer(), instance, "Task_ProposeApproach", Map.of("consultationMethod",
                "QUESTIONNAIRE", "serviceUsers", 600L));
        Consultation proposed = consultations.get(reference);
        assertThat(proposed.isQuestionnairesOnly()).as("U2: over 500 users").isTrue();
        assertThat(proposed.getMinimumToContact()).as("U2: 5% of 600").isEqualTo(30);
        scenario.complete(world.manager(), instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        assertThat(mail(providerEmail(world), reference + ": service-user questionnaires").getSubject())
                .endsWith("31 May 2027");

        for (int returned = 1; returned <= 3; returned++) {
            assertThat(post(world.officer(), "/api/consultations/" + reference + "/questionnaires", Map.of("answers",
                    List.of(Map.of("questionCode", "Q1", "text", "Questionnaire " + returned + ": good support."))))
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(consultations.answers(reference)).as("U4: anonymous, one answer set a questionnaire").hasSize(3)
                .allSatisfy(set -> assertThat(set.getConsentReference()).isNull());

        Scenario.now(LocalDateTime.of(2027, 6, 1, 9, 0));
        scenario.complete(world.officer(), instance, "Task_RecordQuestionnaires", Map.of("allQuestionnairesRecorded",
                true));
        scenario.complete(world.officer(), instance, "Task_WriteReport", Map.of("reportHeadline", "Users value the"
                + " support", "reportText", "Three questionnaires praise the key workers.", "reportAdverse", false));
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list())
                .extracting(Task::getTaskDefinitionKey).as("U6: the contracts manager alone")
                .containsExactly("Task_ApproveReport");
        scenario.complete(world.manager(), instance, "Task_ApproveReport", Map.of("reportDecision", "approve"));
        scenario.executeDueJobs(instance.getId());
        assertThat(reports.approvals(reference)).extracting(ConsultationReportApproval::getApproverRole)
                .containsExactly("contracts-manager");
        MimeMessage report = mail(providerEmail(world), reference + ": service users' views");
        assertThat(pdfText(report, ConsultationReportPdf.fileName(consultations.get(reference))))
                .contains("Questionnaires returned: 3");
        assertThat(consultations.get(reference).getStatus()).isEqualTo(ConsultationStatus.REPORT_ISSUED);
        return instance;
    }

    /** U1: the officer starts the consultation of the world's service from Tasklist's start form. */
    public ProcessInstance start(ConsultedService world) {
        return scenario.as(world.officer(), () -> runtimeService.startProcessInstanceByKey(
                ConsultationVariables.PROCESS_KEY, Map.of("serviceCode", world.serviceCode())));
    }

    /** U3: a participant's signed consent over the API; its consent reference. */
    public String consent(String userId, String reference, Map<String, Object> form) {
        ResponseEntity<Map> consent = post(userId, "/api/consultations/" + reference + "/consents", form);
        assertThat(consent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) consent.getBody().get("consentReference");
    }

    /** U3: a participant's answers against their consent reference: one given, one declined. */
    public void answers(String userId, String reference, String consentReference, String text) {
        assertThat(post(userId, "/api/consultations/" + reference + "/answers", Map.of("consentReference",
                consentReference, "answers", List.of(Map.of("questionCode", "Q1", "text", text),
                        Map.of("questionCode", "Q2", "declined", true)))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** U3: a withdrawal of consent, as the officer records it after the provider's call. */
    public HttpStatusCode withdraw(String userId, String reference, String consentReference) {
        return post(userId, "/api/consultations/" + reference + "/consents/" + consentReference + "/withdrawal",
                Map.of()).getStatusCode();
    }

    /** U4: the officer flags an answer set's adverse comment (and whether it is a complaint) or safeguarding concern. */
    @SuppressWarnings("rawtypes")
    public ResponseEntity<List> raiseConcerns(String userId, String reference, Map<String, Object> flags) {
        return rest.getObject().withBasicAuth(userId, userId).postForEntity("/api/consultations/" + reference
                + "/concerns", new HashMap<>(flags), List.class);
    }

    /** U3, U6: the officer confirms the meetings held, every participant consented, and adverse comments made. */
    public void recordMeetings(ConsultedService world, ProcessInstance instance, String lastMeetingDate) {
        scenario.complete(world.officer(), instance, "Task_RecordMeeting", Map.of("lastMeetingDate", lastMeetingDate,
                "everyParticipantConsented", true, "adverseComments", true));
    }

    /** The open task of an escalation (consultation-escalation), by the concern's reference. */
    public Task concernTask(String concernReference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(concernReference).singleResult();
    }

    /**
     * U3: the withdrawn participant's answers are gone from the answer and answer_set tables and from the engine's
     * history; the withdrawal is kept, without the name.
     */
    public void assertWithdrawn(String consentReference, String answer) {
        assertThat(count("SELECT COUNT(*) FROM answer WHERE answer_text = ?", answer)).isZero();
        assertThat(count("SELECT COUNT(*) FROM answer_set WHERE consent_reference = ?", consentReference)).isZero();
        assertThat(count("SELECT COUNT(*) FROM consent_record WHERE consent_reference = ? AND withdrawn_at IS NOT NULL"
                + " AND participant_name IS NULL", consentReference)).as("withdrawal kept, name erased").isEqualTo(1);
        assertNoTrace(List.of(answer));
    }

    /**
     * U4: none of the texts in any process variable or history row (ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL,
     * ACT_HI_OP_LOG) nor in any byte array the engine keeps (ACT_GE_BYTEARRAY, read as UTF-8 on any database).
     */
    public void assertNoTrace(List<String> texts) {
        List<String> bytes = jdbc.query("SELECT BYTES_ FROM ACT_GE_BYTEARRAY", (row, i) -> {
            byte[] content = row.getBytes(1);
            return content == null ? "" : new String(content, StandardCharsets.UTF_8);
        });
        for (String text : texts) {
            String like = "%" + text + "%";
            for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
                assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?", like, like))
                        .as(text + " in " + table).isZero();
            }
            assertThat(count("SELECT COUNT(*) FROM ACT_HI_OP_LOG WHERE ORG_VALUE_ LIKE ? OR NEW_VALUE_ LIKE ?", like,
                    like)).as(text + " in ACT_HI_OP_LOG").isZero();
            assertThat(bytes).as(text + " in ACT_GE_BYTEARRAY").noneMatch(content -> content.contains(text));
        }
    }

    /** The e-mail to {@code address} whose subject starts with {@code subjectStart}. */
    public static MimeMessage mail(String address, String subjectStart) throws Exception {
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().startsWith(
                    subjectStart)) {
                return message;
            }
        }
        throw new AssertionError("No e-mail to " + address + " with a subject starting " + subjectStart);
    }

    /** The text of the mail's body part. */
    public static String body(MimeMessage message) throws Exception {
        return text(message.getContent());
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart parts) {
            return text(parts.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    /** The text of the PDF attached to the mail as {@code fileName}. */
    public static String pdfText(MimeMessage message, String fileName) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                try (PDDocument document = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                    return new PDFTextStripper().getText(document);
                }
            }
        }
        throw new AssertionError("No attachment " + fileName);
    }

    private static String providerEmail(ConsultedService world) {
        return world.code().toLowerCase() + "@p.example";
    }

    private long candidates(String userId, Task task) {
        return scenario.as(userId, () -> taskService.createTaskQuery().taskCandidateUser(userId)
                .taskId(task.getId()).count());
    }

    private void complete(String userId, Task task, Map<String, Object> form) {
        scenario.as(userId, () -> {
            taskService.complete(task.getId(), new HashMap<>(form));
            return null;
        });
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String userId, String path, Map<String, Object> body) {
        return rest.getObject().withBasicAuth(userId, userId).postForEntity(path, new HashMap<>(body), Map.class);
    }
}
