package benchmark;

import java.time.LocalDate;
import java.util.List;

/**
 * A contract management meeting (contract-management-meeting.bpmn, C1-C8) for a service of its own, as
 * {@code ContractManagementMeetingTest} walks it: the officer registers the service (one planned meeting per service),
 * plans the meeting five weeks ahead from the start form, completes the internal compliance audit with no concerns,
 * sends the drafted agenda, records the minutes with one action and keeps the AMBER level; HAVEN's staff write the
 * improvement plan, the officer agrees it and the provider answers the survey. Seven user tasks; the set-up letter,
 * agenda and survey e-mails run on the job executor.
 */
final class CmmLifecycle extends ServiceLifecycle {

    /** Client number i works as {@code teams.get(i)}. */
    CmmLifecycle(List<ServiceTeam> teams, String runId) {
        super("cmm", "CMM (7 tasks)", teams, "CM" + runId + "-");
    }

    @Override
    void run(ServiceTeam team, Recorder recorder) {
        EngineClient officer = team.officer();
        EngineClient provider = team.provider();
        LocalDate today = LocalDate.now();
        // due in 20 weeks: neither the planning task (8 weeks before) nor the automatic QAF (3 months) opens yet
        String serviceCode = newService(team, today.plusWeeks(20));
        String instance = Steps.start(officer, "contract-management-meeting", EngineClient.variables(
                "serviceCode", serviceCode, "meetingDate", Steps.weekday(today.plusWeeks(5)).toString()));
        Steps.complete(officer, recorder, instance, "Task_InternalComplianceAudit", EngineClient.variables());
        String agendaTask = Tasks.await(officer, instance, "Task_PrepareAgenda");
        String agenda = officer.get("/engine-rest/task/" + agendaTask + "/variables/agenda").get("value").asText();
        recorder.completion(() -> officer.post("/engine-rest/task/" + agendaTask + "/complete",
                EngineClient.variables("agenda", agenda + "\n10. Date of next meeting")));
        // C5: minutes on or after the meeting day; the form takes the day it was held, here today
        Steps.complete(officer, recorder, instance, "Task_RecordMinutes", EngineClient.variables(
                "heldOn", today.toString(), "minutes", "Discussed the performance summary.",
                "actions", "Write a training plan | J. Smith | " + today.plusWeeks(8)));
        Steps.complete(officer, recorder, instance, "Task_ReassignPriority", EngineClient.variables(
                "newPriorityLevel", "AMBER", "priorityReason", "Steady performance", "unannouncedAudits", false));
        Steps.complete(provider, recorder, instance, "Task_WriteImprovementPlan", EngineClient.variables(
                "improvementPlan", "J. Smith writes the training plan within eight weeks."));
        Steps.complete(officer, recorder, instance, "Task_AgreeImprovementPlan", EngineClient.variables(
                "planDecision", "agree"));
        Steps.complete(provider, recorder, instance, "Task_GiveFeedback", EngineClient.variables(
                "preparationRating", 4, "conductRating", 5, "usefulnessRating", 3, "feedbackComments", "Clear agenda"));
    }
}
