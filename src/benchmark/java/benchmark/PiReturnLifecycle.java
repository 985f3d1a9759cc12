package benchmark;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carecommissioning.performance.ReportingYear;
import org.carecommissioning.shared.FinancialQuarter;

/**
 * A quarter's PI return (pi-return.bpmn, PI1-PI6) for a service of its own, as {@code PiReturnLifecycleTest} walks it:
 * the officer registers the service (one return per service and quarter) and issues its workbook for the year over
 * the API, requests the last completed quarter's return, HAVEN's staff upload the workbook as CSV
 * ({@code POST /api/pi-returns/{reference}/workbook}, which completes their task), the officer accepts it and the data
 * input clerk records it. Three task completions, the upload one of them; the request e-mail runs on the job executor.
 */
final class PiReturnLifecycle extends ServiceLifecycle {

    private static final String CSV = "dcc_code,units,units_change_explanation,KPI1,SPI1,SPI2,SPI3,SPI4,local_pis,comments\n"
            + "DCC-BENCH,20,,93,96,93,95,90,All complete,\n";

    /** Client number i works as {@code teams.get(i)}. */
    PiReturnLifecycle(List<ServiceTeam> teams, String runId) {
        super("pi-return", "PI return (3 tasks)", teams, "PI" + runId + "-");
    }

    @Override
    void run(ServiceTeam team, Recorder recorder) {
        EngineClient officer = team.officer();
        LocalDate today = LocalDate.now();
        FinancialQuarter quarter = FinancialQuarter.lastCompletedBefore(today);
        String year = new ReportingYear(quarter.startYear()).toString();
        String serviceCode = newService(team, today.plusYears(1));
        officer.post("/api/services/" + serviceCode + "/workbooks", workbook(year));
        var started = officer.post("/engine-rest/process-definition/key/pi-return/start", EngineClient.variables(
                "serviceCode", serviceCode, "reportingYear", year, "quarter", quarter.quarter(),
                "deadline", today.plusWeeks(4).toString()));
        String instance = started.get("id").asText();
        String reference = started.get("businessKey").asText();
        EngineClient provider = team.provider();
        Tasks.await(provider, instance, "Task_SubmitReturn");
        recorder.completion(() -> provider.postText("/api/pi-returns/" + reference + "/workbook", "text/csv", CSV));
        Steps.complete(officer, recorder, instance, "Task_CheckReturn", EngineClient.variables("checkOutcome", "accept"));
        Steps.complete(team.clerk(), recorder, instance, "Task_RecordReturnData", EngineClient.variables(
                "dataRecorded", true));
    }

    /** PI1: the contract page of the service's workbook for the reporting year. */
    private static Map<String, Object> workbook(String year) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("year", year);
        page.put("dccCode", "DCC-BENCH");
        page.put("administeringAuthority", "Derbyshire County Council");
        page.put("units", 20);
        page.put("plannedDuration", "OVER_2");
        page.put("outOfHoursCover", true);
        page.put("contractManager", "A. Manager");
        page.put("frontLineHours", 80);
        page.put("managementHours", 10);
        page.put("otherHours", 2.5);
        return page;
    }
}
