package benchmark;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.carecommissioning.shared.FinancialQuarter;

/**
 * The quarterly invoice run (quarterly-invoicing.bpmn, R10): not a per-task lifecycle but one run over every
 * treatment the referral clients recorded, measured as its own row. Finance starts it from Tasklist's start form for
 * the last completed financial quarter (the one the referral clients book their appointments in, as
 * {@code Journeys.invoiceRun} does); it is done when every invoice it raised is issued and e-mailed with its PDF, that
 * is when each invoice's "Record payment" task is open. Payments are not recorded.
 */
final class InvoiceRun {

    static final String KEY = "invoice-run";

    private final EngineClient finance;
    private final EngineClient admin;
    private final JvmProcess jvm;
    private final Database database;
    private final String databaseName;
    private final Path directory;

    /** Finance starts the run; the administrator counts the invoice processes it started (finance may not read them). */
    InvoiceRun(EngineClient finance, EngineClient admin, JvmProcess jvm, Database database, String databaseName, Path directory) {
        this.finance = finance;
        this.admin = admin;
        this.jvm = jvm;
        this.database = database;
        this.databaseName = databaseName;
        this.directory = directory;
    }

    /**
     * One run, measured from the start to the last invoice e-mailed: the row's one "completion" is the run, its
     * seconds the run's duration; the figures per invoiced treatment are in the notes.
     */
    Result measure() throws Exception {
        FinancialQuarter quarter = FinancialQuarter.lastCompletedBefore(LocalDate.now());
        MeasuredWindow window = MeasuredWindow.open(jvm, database, databaseName);
        Timestamp since = new Timestamp(System.currentTimeMillis());
        long started = System.nanoTime();
        Recorder recorder = new Recorder();
        try {
            String run = recorder.completion(() -> Steps.start(finance, "quarterly-invoicing", EngineClient.variables(
                    "financialYear", quarter.startYear(), "quarter", quarter.quarter())));
            awaitInvoicesEmailed(run);
            recorder.lifecycleDone();
        } catch (RuntimeException e) {
            recorder.error(e);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuMillis = window.cpuMillis();
        // the statements are counted before the harness reads how many treatments were invoiced
        StatementBreakdown breakdown = window.statements();
        long treatments = database.queryLong(databaseName, "SELECT COUNT(*) FROM invoice_line");
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("unit", "the row's one completion is the whole run of " + quarter.label() + ": " + treatments
                + " invoiced treatment(s), from the start form to every invoice issued and e-mailed (its Record payment "
                + "task open); compl/s = 1 / the run's seconds, p50 = the start call");
        Long statements = null;
        Long applicationStatements = null;
        Double databaseMillis = null;
        if (breakdown != null) {
            statements = breakdown.total();
            applicationStatements = breakdown.application();
            databaseMillis = breakdown.totalMillis();
            Path file = directory.resolve("statements-" + databaseName + "-" + KEY + ".txt");
            breakdown.write(file, "invoice run on " + databaseName + " (per invoiced treatment)", (int) treatments);
            notes.put("perTreatment", treatments == 0 ? "n/a: nothing invoiced" : String.format(Locale.ROOT,
                    "%.1f ms run time, %.1f SQL statements, %.1f JVM CPU ms per invoiced treatment; per statement in %s",
                    elapsed * 1000 / treatments, (double) statements / treatments, cpuMillis / treatments,
                    file.getFileName()));
        } else {
            notes.put("sql", "n/a: " + database.statementsUnavailable());
        }
        notes.put("jobLag", "ACT_HI_JOB_LOG: the invoice e-mail jobs (PDF rendered in the job)");
        // the run has no clients waiting on asynchronous steps: no repeated look-ups to subtract
        return new Result("quarterly invoice run (1 run)", 1, elapsed, recorder, statements, applicationStatements,
                databaseMillis, cpuMillis, new LookupCost(0, 0.0, 0), database.jobLagMillis(databaseName, since), notes);
    }

    /**
     * Waits until the run's invoice processes (one per commissioning organisation, started with the run: the invoices
     * are raised and issued in the start's transaction, the e-mail is the first asynchronous step) each wait for their
     * payment.
     */
    private void awaitInvoicesEmailed(String run) {
        long until = System.currentTimeMillis() + 600_000;
        long invoices = admin.get("/engine-rest/process-instance/count?superProcessInstance=" + run).get("count").asLong();
        while (true) {
            long emailed = finance.get("/engine-rest/task/count?processDefinitionKey=invoice"
                    + "&taskDefinitionKey=Task_RecordPayment").get("count").asLong();
            if (emailed >= invoices) {
                return;
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("The invoice run " + run + " has " + invoices + " invoice(s), " + emailed
                        + " e-mailed, after 600 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
