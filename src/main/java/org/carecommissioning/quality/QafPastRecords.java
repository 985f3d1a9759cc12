package org.carecommissioning.quality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Q5, Q7: the "QAF database" of agreed grades per service per year also holds the years before this application: a
 * past year's agreed QAF (from the paper forms) is recorded once, self-assessed and agreed, so the next QAF's
 * validation-visit decision compares the new claims with it (a significant grade change, Q5). The demo data records
 * last year's QAF of its provider this way.
 */
@Service
public class QafPastRecords {

    private static final String NOTE = "Recorded from the paper QAF of ";

    private final QafReturnRepository returns;
    private final ContractServices services;
    private final QafDeadlines deadlines;
    private final Clock clock;

    QafPastRecords(QafReturnRepository returns, ContractServices services, QafDeadlines deadlines, Clock clock) {
        this.returns = returns;
        this.services = services;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * Records a past year's agreed QAF of a service: the provider's claim and the agreed grade of every objective,
     * for the meeting it was agreed for (before today). One per service and year.
     */
    @Transactional
    public QafReturn recordAgreed(String serviceCode, LocalDate meetingDate, Map<CoreObjective, QafGrade> claimed,
            Map<CoreObjective, QafGrade> agreed, String officerUserId) {
        ContractedService service = services.byCode(serviceCode);
        LocalDate today = LocalDate.now(clock);
        if (meetingDate == null || !meetingDate.isBefore(today)) {
            throw new BusinessRuleViolation("Q7", "A past QAF is recorded for a meeting before today.");
        }
        LocalDate issuedOn = deadlines.issueOn(meetingDate);
        String year = QafDeadlines.financialYear(issuedOn);
        if (returns.countByServiceIdAndFinancialYear(service.getId(), year) > 0) {
            throw new BusinessRuleViolation("Q7", "Service " + serviceCode + " already has a QAF for " + year + ".");
        }
        for (CoreObjective objective : CoreObjective.values()) {
            if (claimed.get(objective) == null || agreed.get(objective) == null) {
                throw new BusinessRuleViolation("Q7", objective.label() + ": give the claimed and the agreed grade.");
            }
        }
        LocalDate dueOn = deadlines.dueOn(meetingDate);
        LocalDateTime at = issuedOn.atTime(9, 0);
        String reference = "QAF-" + service.getServiceCode() + "-" + year.substring(0, 4) + "-1";
        QafReturn qaf = new QafReturn(reference, service.getId(), year, QafVariant.FULL, meetingDate, issuedOn, dueOn,
                officerUserId, at);
        String evidence = NOTE + year + "; evidence held on file.";
        for (CoreObjective objective : CoreObjective.values()) {
            QafGrade claim = claimed.get(objective);
            QafGrade grade = agreed.get(objective);
            qaf.objective(objective).claim(claim, evidence, claim.needsEvidenceFor(QafGrade.B) ? evidence : null,
                    claim.needsEvidenceFor(QafGrade.A) ? evidence : null);
            qaf.objective(objective).assessByOfficer(grade, null);
            qaf.objective(objective).agree(grade, grade == claim ? null : NOTE + year + ".");
        }
        qaf.submit(NOTE + year + ".", null, dueOn.atTime(12, 0), new BigDecimal("50.0000"));
        qaf.reviewed(false, false, officerUserId, dueOn.plusWeeks(1).atTime(12, 0));
        qaf.validationDecided(false, "none", dueOn.plusWeeks(1).atTime(12, 0));
        qaf.agreed(officerUserId, meetingDate.minusWeeks(2).atTime(12, 0));
        return returns.save(qaf);
    }
}
