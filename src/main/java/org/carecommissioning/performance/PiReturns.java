package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.contractmanagement.MeetingPlanning;
import org.carecommissioning.performance.PiReturn.Submission;
import org.carecommissioning.performance.TriggerEvaluator.Breach;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quarterly PI returns: requested, submitted, checked against triggers, signed off and recorded (PI2-PI7). */
@Service
public class PiReturns {

    private final PiReturnRepository returns;
    private final Workbooks workbooks;
    private final ContractServices services;
    private final TriggerEvaluator triggers;
    private final MeetingPlanning meetingPlanning;
    private final PiReturnDeadlines deadlines;
    private final Clock clock;

    PiReturns(PiReturnRepository returns, Workbooks workbooks, ContractServices services, TriggerEvaluator triggers,
            MeetingPlanning meetingPlanning, PiReturnDeadlines deadlines, Clock clock) {
        this.returns = returns;
        this.workbooks = workbooks;
        this.services = services;
        this.triggers = triggers;
        this.meetingPlanning = meetingPlanning;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** PI2: a return is due each quarter by a deadline the provider is given. */
    @Transactional
    public PiReturn open(String serviceCode, String year, Integer quarter, LocalDate deadline) {
        ContractedService service = services.byCode(serviceCode);
        ReportingYear reportingYear = ReportingYear.parse(year);
        if (quarter == null) {
            throw new BusinessRuleViolation("PI2", "Choose the quarter, 1 to 4.");
        }
        LocalDate quarterEnd = reportingYear.quarterEnd(quarter);
        if (deadline == null || !deadline.isAfter(quarterEnd)) {
            throw new BusinessRuleViolation("PI2", "The deadline must be after the quarter ends on " + quarterEnd + ".");
        }
        if (workbooks.current(service.getId(), reportingYear.toString()).isEmpty()) {
            throw new BusinessRuleViolation("PI1", "Service " + serviceCode + " has no workbook for " + reportingYear
                    + "; issue and lock its contract page first.");
        }
        if (returns.existsByServiceIdAndReportingYearAndQuarter(service.getId(), reportingYear.toString(), quarter)) {
            throw new BusinessRuleViolation("PI2", "The Q" + quarter + " " + reportingYear + " return of " + serviceCode
                    + " has already been requested.");
        }
        String reference = "PI-" + service.getServiceCode() + "-" + reportingYear.startYear() + "Q" + quarter;
        return returns.save(new PiReturn(reference, service.getId(), reportingYear.toString(), quarter, deadline));
    }

    /**
     * PI2, PI4: a provider's submission. Percentages are 0 to 100; a unit count other than the contract page's
     * needs an explanation. Nothing is recorded unless everything is right.
     */
    @Transactional
    public PiReturn submit(String reference, Submission submission, String userId) {
        PiReturn piReturn = get(reference);
        if (piReturn.getStatus() != ReturnStatus.AWAITED && piReturn.getStatus() != ReturnStatus.RETURNED_TO_PROVIDER) {
            throw new BusinessRuleViolation("PI2", "Return " + reference + " is " + describe(piReturn.getStatus())
                    + "; it cannot be submitted again.");
        }
        // the labels name the CSV column as well, since an uploaded cell is checked here too
        FormValues.limited(submission.dccCode(), PerformanceLimits.DCC_CODE, "PI2", "The DCC code (dcc_code)");
        FormValues.limited(submission.unitsChangeExplanation(), PerformanceLimits.UNITS_CHANGE_EXPLANATION, "PI4",
                "The explanation of the change in units (units_change_explanation)");
        FormValues.limited(submission.localPis(), PerformanceLimits.LOCAL_PIS, "PI4", "The local PIs (local_pis)");
        FormValues.limited(submission.comments(), PerformanceLimits.PROVIDER_COMMENTS, "PI4", "The comments (comments)");
        for (Map.Entry<Indicator, BigDecimal> value : submission.values().entrySet()) {
            BigDecimal percent = value.getValue();
            if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw new BusinessRuleViolation("PI4", value.getKey() + " (" + value.getKey().label() + ") is a"
                        + " percentage: " + percent.toPlainString() + " is not between 0 and 100.");
            }
        }
        Workbook workbook = workbooks.current(piReturn.getServiceId(), piReturn.getReportingYear()).orElseThrow();
        if (submission.unitsReported() != null && submission.unitsReported() != workbook.page().units()
                && (submission.unitsChangeExplanation() == null || submission.unitsChangeExplanation().isBlank())) {
            throw new BusinessRuleViolation("PI4", "The contract page has " + workbook.page().units() + " units and the"
                    + " return reports " + submission.unitsReported() + ": explain the change in units.");
        }
        piReturn.submit(submission, workbook.getVersion(), userId, LocalDateTime.now(clock));
        List<Breach> breaches = triggers.breaches(piReturn.getReportingYear(), piReturn.values());
        piReturn.breached(breaches.stream().map(b -> b.indicator().name()).collect(Collectors.joining(",")));
        return piReturn;
    }

    /** PI3, PI4: the findings of the check, for the purchasing officer's task. */
    @Transactional(readOnly = true)
    public CheckFindings findings(String reference) {
        PiReturn piReturn = get(reference);
        Workbook workbook = workbooks.current(piReturn.getServiceId(), piReturn.getReportingYear()).orElseThrow();
        List<Breach> breaches = triggers.breaches(piReturn.getReportingYear(), piReturn.values());
        // every service reports availability, utilisation, staffing and throughput, and the outcomes indicator of
        // its kind (KPI1 long-term and floating support, KPI2 short-term)
        Map<Indicator, BigDecimal> values = piReturn.values();
        List<String> missing = new java.util.ArrayList<>(values.entrySet().stream()
                .filter(e -> e.getKey().name().startsWith("SPI") && e.getValue() == null)
                .map(e -> e.getKey().name()).toList());
        if (values.get(Indicator.KPI1) == null && values.get(Indicator.KPI2) == null) {
            missing.add(0, "KPI1 or KPI2");
        }
        return new CheckFindings(workbook.page().dccCode().equals(piReturn.getDccCode()), missing,
                breaches.stream().map(Breach::describe).toList(),
                piReturn.getProviderComments() != null && !piReturn.getProviderComments().isBlank());
    }

    /**
     * PI4, PI5, PI7: applies the purchasing officer's check, judged on the findings the check showed. A late return
     * needs its reason (PI7); an incomplete return (wrong DCC code, missing sections) cannot be accepted (PI4), nor
     * one that missed a trigger without the provider's explanation, which cannot be referred either (PI5). A return
     * sent back is due again by {@link #resubmitBy} (X1).
     */
    @Transactional
    public CheckResult check(String reference, Check check) {
        if (check.outcome() == null) {
            throw new BusinessRuleViolation("PI4", "Choose the outcome of the check.");
        }
        if (check.late()) {
            recordLateness(reference, check.latenessReason());
        }
        boolean incomplete = !check.dccCodeCorrect() || check.missingIndicators() != null;
        boolean unexplained = check.anyMissedTrigger() && !check.providerExplained();
        return switch (check.outcome()) {
            case ACCEPT -> {
                if (incomplete) {
                    throw new BusinessRuleViolation("PI4", "The return has the wrong DCC code or missing"
                            + " sections; return it to the provider asking for the missing data.");
                }
                if (unexplained) {
                    throw new BusinessRuleViolation("PI5", "A trigger was missed and the provider has not explained"
                            + " why; return it asking for an explanation.");
                }
                yield new CheckResult(null);
            }
            case INCOMPLETE, EXPLANATION -> {
                returnToProvider(reference, check.requestToProvider());
                yield new CheckResult(resubmitBy(reference));
            }
            case REFER -> {
                if (unexplained) {
                    throw new BusinessRuleViolation("PI5", "Ask the provider for an explanation before referring"
                            + " the missed trigger.");
                }
                refer(reference);
                yield new CheckResult(null);
            }
        };
    }

    /** PI4, PI5: back to the provider for missing data or an explanation of a missed trigger. */
    @Transactional
    public PiReturn returnToProvider(String reference, String request) {
        if (request == null || request.isBlank()) {
            throw new BusinessRuleViolation("PI4", "Say what the provider must add or explain.");
        }
        PiReturn piReturn = get(reference);
        piReturn.returnToProvider(request.trim());
        return piReturn;
    }

    /** PI4, X1: the date a return sent back today is due again ({@link PiReturnDeadlines#resubmitBy}). */
    @Transactional(readOnly = true)
    public LocalDate resubmitBy(String reference) {
        return deadlines.resubmitBy(LocalDate.now(clock), get(reference).getDeadline());
    }

    /** PI5: a missed trigger referred to the contracts manager. */
    @Transactional
    public PiReturn refer(String reference) {
        PiReturn piReturn = get(reference);
        if (piReturn.getBreachedIndicators() == null || piReturn.getBreachedIndicators().isBlank()) {
            throw new BusinessRuleViolation("PI5", "Only a return that missed a trigger is referred to the contracts"
                    + " manager.");
        }
        piReturn.refer();
        return piReturn;
    }

    /**
     * PI5: the contracts manager's decision, up to a default notice or bringing the next meeting forward; a meeting
     * brought forward is due within six weeks and its planning task goes to the purchasing officer at once.
     */
    @Transactional
    public PiReturn decide(String reference, ReferralDecision decision, String reason) {
        if (decision == null || reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("PI5", "Choose the action and record the reason.");
        }
        PiReturn piReturn = get(reference);
        String recorded = decision.formValue() + ": " + reason.trim();
        if (decision == ReferralDecision.EARLIER_MEETING) {
            recorded += " (next meeting now due by " + meetingPlanning.bringForward(piReturn.getServiceId()) + ")";
        }
        piReturn.decideByManager(recorded);
        return piReturn;
    }

    /** PI6: signed off with the checker's name and comments, and logged. */
    @Transactional
    public PiReturn signOff(String reference, String checker, String comments) {
        PiReturn piReturn = get(reference);
        if (piReturn.getStatus() != ReturnStatus.SUBMITTED && piReturn.getStatus() != ReturnStatus.REFERRED) {
            throw new BusinessRuleViolation("PI6", "Return " + reference + " is " + describe(piReturn.getStatus())
                    + " and cannot be signed off.");
        }
        piReturn.signOff(checker, comments == null ? null : comments.trim(), LocalDateTime.now(clock));
        return piReturn;
    }

    /** PI7, X1: records an extension ReturnDeadlines has agreed (Task_MoveDeadline). */
    @Transactional
    PiReturn extendDeadline(String reference, PiReturnVariables.Extension extension) {
        PiReturn piReturn = get(reference);
        piReturn.extendDeadline(extension.deadline(), extension.reason(), extension.agreedBy(), LocalDateTime.now(clock));
        return piReturn;
    }

    /** PI7: why a return was late. */
    @Transactional
    public PiReturn recordLateness(String reference, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("PI7", "Record the reason the return is late.");
        }
        PiReturn piReturn = get(reference);
        piReturn.recordLateness(reason.trim());
        return piReturn;
    }

    /**
     * PI7: the deadline passed. A return not in by then (never sent, or sent back for missing data and not sent
     * again) counts as late from now on and is chased; true when it is.
     */
    @Transactional
    public boolean markOverdueIfNotIn(String reference) {
        PiReturn piReturn = get(reference);
        if (piReturn.getStatus() != ReturnStatus.AWAITED && piReturn.getStatus() != ReturnStatus.RETURNED_TO_PROVIDER) {
            return false; // in by the deadline: nothing to chase
        }
        piReturn.markOverdue();
        return true;
    }

    /** PI6: the data input clerk has recorded the accepted return. */
    @Transactional
    public PiReturn recorded(String reference, String clerk) {
        PiReturn piReturn = get(reference);
        if (piReturn.getStatus() != ReturnStatus.SIGNED_OFF) {
            throw new BusinessRuleViolation("PI6", "Only a signed-off return is recorded.");
        }
        piReturn.recordedBy(clerk, LocalDateTime.now(clock));
        return piReturn;
    }

    /** PI8: the service's last four signed-off quarters, for its contract management meeting. */
    @Transactional(readOnly = true)
    public String rollingTwelveMonths(Long serviceId) {
        List<PiReturn> accepted = returns.findByServiceIdOrderByReportingYearAscQuarterAsc(serviceId).stream()
                .filter(r -> r.getSignedOffAt() != null)
                .toList();
        List<PiReturn> last = accepted.subList(Math.max(0, accepted.size() - 4), accepted.size());
        if (last.isEmpty()) {
            return "No signed-off PI returns yet.";
        }
        StringBuilder view = new StringBuilder("Quarter     KPI1  KPI2  SPI1  SPI2  SPI3  SPI4  late\n");
        for (PiReturn r : last) {
            view.append(String.format("%s Q%d", r.getReportingYear(), r.getQuarter()));
            r.values().values().forEach(v -> view.append(String.format(" %5s", v == null ? "-" : v.stripTrailingZeros()
                    .toPlainString())));
            view.append(r.isLate() ? "  yes" : "  no").append('\n');
        }
        return view.toString().trim();
    }

    @Transactional(readOnly = true)
    public PiReturn get(String reference) {
        return returns.findByReference(reference)
                .orElseThrow(() -> new NotFound("There is no PI return " + reference + "."));
    }

    @Transactional(readOnly = true)
    public ContractedService serviceOf(PiReturn piReturn) {
        return services.get(piReturn.getServiceId());
    }

    static String describe(ReturnStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    /**
     * The purchasing officer's check (PI4, PI5, PI7): the outcome chosen, the lateness reason and the request to the
     * provider as entered, and the findings the check showed (set when the return was registered).
     */
    public record Check(CheckOutcome outcome, String latenessReason, String requestToProvider, boolean late,
            boolean dccCodeCorrect, String missingIndicators, boolean anyMissedTrigger, boolean providerExplained) {
    }

    /** What the check decided: the date a return sent back is due again (X1), or null when it was not sent back. */
    public record CheckResult(LocalDate resubmitBy) {
    }

    /** What the purchasing officer's check shows (PI4). */
    public record CheckFindings(boolean dccCodeCorrect, List<String> missingIndicators, List<String> missedTriggers,
            boolean providerExplained) {
    }
}
