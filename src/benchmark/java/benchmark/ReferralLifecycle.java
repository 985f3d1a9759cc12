package benchmark;

import java.time.LocalDate;
import java.util.List;

/**
 * A one-off referral from start to its closing evaluation, as the README's walk-through does it in Tasklist: the
 * commissioner refers and authorises one treatment, the coordinator books an appointment that took place on a given
 * day, records it attended and collects the short evaluation. Four user tasks; the e-mail steps between them run on
 * the application's job executor. The invoice is not part of it: {@link InvoiceRun} invoices these treatments in one
 * quarterly run, so the appointments fall in the last completed financial quarter.
 */
final class ReferralLifecycle implements Lifecycle {

    private final List<EngineClient> commissioners;
    private final List<EngineClient> coordinators;
    private final long therapistId;
    private final LocalDate appointmentDay;
    private final String runId;

    /**
     * Client number i works as {@code commissioners.get(i)} and {@code coordinators.get(i)}; every appointment is at
     * 10:00 on {@code appointmentDay}, a day in the past.
     */
    ReferralLifecycle(List<EngineClient> commissioners, List<EngineClient> coordinators, long therapistId,
            LocalDate appointmentDay, String runId) {
        this.commissioners = commissioners;
        this.coordinators = coordinators;
        this.therapistId = therapistId;
        this.appointmentDay = appointmentDay;
        this.runId = runId;
    }

    @Override
    public String key() {
        return "referral";
    }

    @Override
    public String name() {
        return "referral (one-off, to evaluation)";
    }

    @Override
    public void run(int client, int iteration, Recorder recorder) {
        EngineClient commissioner = commissioners.get(client);
        EngineClient coordinator = coordinators.get(client);
        String membership = "B" + runId + "-" + client + "-" + iteration;
        String instance = commissioner.post("/engine-rest/process-definition/key/referral/start", EngineClient.variables(
                "serviceUserName", "Benchmark Client " + membership, "membershipNumber", membership,
                "serviceUserEmail", membership.toLowerCase() + "@example.org", "referralReason", "Benchmark"))
                .get("id").asText();
        Steps.complete(commissioner, recorder, instance, "Task_ConfirmEligibility", EngineClient.variables(
                "eligibilityConfirmed", true, "treatmentsAuthorised", 1, "clientContributionPounds", 0.0));
        Steps.complete(coordinator, recorder, instance, "Task_BookAppointment", EngineClient.variables(
                "therapistId", Long.toString(therapistId), "appointmentAt", appointmentDay + "T10:00"));
        Steps.complete(coordinator, recorder, instance, "Task_RecordSessionOutcome", EngineClient.variables(
                "sessionOutcome", "attended"));
        Steps.complete(coordinator, recorder, instance, "Task_CollectShortEvaluation", EngineClient.variables(
                "clientDeclinedEvaluation", false, "benefitRating", 5, "evaluationComments", "Sleeping better."));
        recorder.lifecycleDone();
    }
}
