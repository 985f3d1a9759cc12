package org.carecommissioning.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Q2: what the contract management meeting's internal compliance audit shows on its QAF clause, from the QAF records:
 * whether the service's latest QAF was returned on time (a non-return is a contract compliance issue), whether it was
 * validated by a visit or self-assessed, and whether every objective was agreed at C or above.
 */
@Service
public class QafComplianceSummary {

    static final String NONE = "No QAF issued for this service yet.";

    private static final Map<String, String> REASONS = Map.of(
            "grade-change", "a grade changed significantly",
            "grade-a-claimed", "grade A claimed",
            "concerns", "concerns raised",
            "procurement-review", "in this year's procurement review",
            "random-sample", "random sample");

    private final QafReturnRepository history;
    private final ContractServices services;

    QafComplianceSummary(QafReturnRepository history, ContractServices services) {
        this.history = history;
        this.services = services;
    }

    /** Q2: the sentence for the service's latest QAF issued by {@code asOf}. */
    @Transactional(readOnly = true)
    public String forService(String serviceCode, LocalDate asOf) {
        Long serviceId = services.byCode(serviceCode).getId();
        return history.findFirstByServiceIdAndIssuedOnLessThanEqualOrderByIssuedOnDescIdDesc(serviceId, asOf)
                .map(qaf -> describe(qaf, asOf)).orElse(NONE);
    }

    /** Q2: returned on time or not; validated or self-assessed; every objective C or above. */
    static String describe(QafReturn qaf, LocalDate asOf) {
        String head = "QAF " + qaf.getFinancialYear() + " ";
        String due = DisplayDates.date(qaf.getDueOn());
        boolean in = qaf.getSubmittedAt() != null;
        if (qaf.getNonReturnRecordedOn() != null) {
            head += in ? "returned late, after " + due + " (the non-return is recorded as a compliance issue)"
                    : "not returned by " + due + " (recorded as a compliance issue)";
        } else if (in) {
            head += "returned on time";
        } else if (qaf.getDueOn().isBefore(asOf)) {
            head += "not returned by " + due;
        } else {
            return head + "issued on " + DisplayDates.date(qaf.getIssuedOn()) + ", due back by " + due + ".";
        }
        if (!in) {
            return head + ".";
        }
        return head + "; " + validation(qaf) + "; " + grades(qaf) + ".";
    }

    private static String validation(QafReturn qaf) {
        Boolean visit = qaf.getValidationVisit();
        if (visit == null) {
            return "desk-top review not done yet";
        }
        if (!visit) {
            return "self-assessed (desk-top review, no validation visit)";
        }
        String reason = REASONS.getOrDefault(qaf.getValidationReason(), qaf.getValidationReason());
        String visited = qaf.getVisitFindings() != null ? "validated by visit" : "validation visit due";
        return visited + " (" + reason + ")";
    }

    private static String grades(QafReturn qaf) {
        if (qaf.getObjectives().stream().anyMatch(o -> o.getAgreedGrade() == null)) {
            return "grades not agreed yet";
        }
        List<String> below = qaf.getObjectives().stream()
                .filter(o -> o.getAgreedGrade() != null && !o.getAgreedGrade().meetsMinimumStandard())
                .map(o -> o.getObjective().code() + " " + o.getAgreedGrade()).toList();
        return below.isEmpty() ? "every objective C or above"
                : "below C: " + below.stream().collect(Collectors.joining(", "));
    }
}
