package benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A QAF (qaf.bpmn, Q2-Q7) for a service of its own, as {@code QafReturnLifecycleTest} walks it: the officer registers
 * the service and issues its full QAF for a meeting ten weeks ahead; HAVEN's staff self-assess every objective at C
 * with evidence; the officer reviews it raising concerns, so a validation visit is agreed and its findings recorded,
 * then agrees the grades; the provider disagrees once with further evidence (Q7), the officer reconsiders, the
 * provider accepts and the data input clerk records the grades on Swift. Nine user tasks; the issue, visit-date,
 * agreed-grades (with the Summary PDF) and reconsidered-grades e-mails run on the job executor. The final decision
 * after a second disagreement and the D-grade improvement plan are not driven.
 */
final class QafLifecycle extends ServiceLifecycle {

    private static final List<String> OBJECTIVES = List.of("c11", "c12", "c13", "c14", "c15", "c16", "c17");

    /** Client number i works as {@code teams.get(i)}. */
    QafLifecycle(List<ServiceTeam> teams, String runId) {
        super("qaf", "QAF (9 tasks, one appeal)", teams, "QF" + runId + "-");
    }

    @Override
    void run(ServiceTeam team, Recorder recorder) {
        EngineClient officer = team.officer();
        EngineClient provider = team.provider();
        LocalDate today = LocalDate.now();
        String serviceCode = newService(team, today.plusYears(1));
        String instance = Steps.start(officer, "qaf-return", EngineClient.variables("serviceCode", serviceCode,
                "qafVariant", "FULL", "meetingDate", Steps.weekday(today.plusWeeks(10)).toString()));
        Steps.complete(provider, recorder, instance, "Task_CompleteSelfAssessment", selfAssessment());
        Steps.complete(officer, recorder, instance, "Task_ReviewSelfAssessment", review());
        Steps.complete(officer, recorder, instance, "Task_AgreeVisitDate", EngineClient.variables(
                "visitDate", Steps.weekday(today.plusWeeks(1)).toString()));
        Steps.complete(officer, recorder, instance, "Task_RecordVisitFindings", EngineClient.variables(
                "visitFindings", "Policies seen."));
        Steps.complete(officer, recorder, instance, "Task_AgreeGrades", EngineClient.variables());
        // Q7: the provider appeals once with further evidence, the officer reconsiders, the provider accepts
        Steps.complete(provider, recorder, instance, "Task_RespondToGrades", EngineClient.variables(
                "gradesResponse", "disagree", "c13AppealEvidence", "Fire drills are logged monthly."));
        Steps.complete(officer, recorder, instance, "Task_ReconsiderGrades", EngineClient.variables());
        Steps.complete(provider, recorder, instance, "Task_RespondToGrades", EngineClient.variables(
                "gradesResponse", "accept"));
        Steps.complete(team.clerk(), recorder, instance, "Task_RecordQafGrades", EngineClient.variables(
                "enteredOnSwift", true, "swiftDate", today.toString()));
    }

    /** Q3: every objective claimed at C with its written evidence, and the summary sheet. */
    private static Object selfAssessment() {
        List<Object> form = new ArrayList<>();
        for (String objective : OBJECTIVES) {
            form.addAll(List.of(objective + "Claimed", "C", objective + "EvidenceC", "Written policy, reviewed yearly."));
        }
        form.addAll(List.of("qafSummary", "We meet the minimum standard throughout."));
        return EngineClient.variables(form.toArray());
    }

    /** Q4: the officer's grade C for every objective, concerns raised (so Q5's validation visit), outcome accept. */
    private static Object review() {
        List<Object> form = new ArrayList<>();
        for (String objective : OBJECTIVES) {
            form.addAll(List.of(objective + "OfficerGrade", "C"));
        }
        form.addAll(List.of("concernsRaised", true, "inProcurementReview", false, "reviewOutcome", "accept"));
        return EngineClient.variables(form.toArray());
    }
}
