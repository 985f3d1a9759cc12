package benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A service-user consultation by questionnaire (service-user-consultation.bpmn, U1-U6) for a service of its own, as
 * {@code ConsultationJourney.questionnaireConsultation} walks it: the officer registers the service (one open
 * consultation per service) and starts it from the start form, proposes questionnaires for 600 users, the contracts
 * manager agrees, the officer records three returned questionnaires over {@code /api/consultations/{reference}/
 * questionnaires} and confirms them, writes the report and the contracts manager approves it. Five user tasks; the
 * questionnaire request and the report (with its PDF) are e-mailed on the job executor.
 *
 * <p>Interviews (consents and answers over the API) are not driven: U3 refuses a last meeting before the earliest
 * date the provider was given (a month after the agreement, 5 working days with ongoing concerns) and one in the
 * future, so in real time a consultation cannot reach its report by interviews within a run.
 */
final class ConsultationLifecycle extends ServiceLifecycle {

    /** Client number i works as {@code teams.get(i)}. */
    ConsultationLifecycle(List<ServiceTeam> teams, String runId) {
        super("consultation", "consultation (5 tasks)", teams, "SU" + runId + "-");
    }

    @Override
    void run(ServiceTeam team, Recorder recorder) {
        EngineClient officer = team.officer();
        EngineClient manager = team.manager();
        String serviceCode = newService(team, LocalDate.now().plusYears(1));
        var started = officer.post("/engine-rest/process-definition/key/service-user-consultation/start",
                EngineClient.variables("serviceCode", serviceCode));
        String instance = started.get("id").asText();
        String reference = started.get("businessKey").asText();
        Steps.complete(officer, recorder, instance, "Task_ProposeApproach", EngineClient.variables(
                "consultationMethod", "QUESTIONNAIRE", "serviceUsers", 600L));
        Steps.complete(manager, recorder, instance, "Task_AgreeApproach", EngineClient.variables());
        String recordTask = Tasks.await(officer, instance, "Task_RecordQuestionnaires");
        for (int returned = 1; returned <= 3; returned++) {
            officer.post("/api/consultations/" + reference + "/questionnaires", Map.of("answers", List.of(
                    Map.of("questionCode", "Q1", "text", "Questionnaire " + returned + ": good support."))));
        }
        recorder.completion(() -> officer.post("/engine-rest/task/" + recordTask + "/complete",
                EngineClient.variables("allQuestionnairesRecorded", true)));
        Steps.complete(officer, recorder, instance, "Task_WriteReport", EngineClient.variables(
                "reportHeadline", "Users value the support", "reportText", "Three questionnaires praise the key workers.",
                "reportAdverse", false));
        Steps.complete(manager, recorder, instance, "Task_ApproveReport", EngineClient.variables(
                "reportDecision", "approve"));
    }
}
