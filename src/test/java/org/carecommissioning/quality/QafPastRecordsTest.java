package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Q5, Q7: last year's agreed QAF recorded from the paper forms (as the demo data does) is what this year's claims are
 * compared with; it shows on the CMM's QAF clause until this year's is issued.
 */
@ApplicationTest
class QafPastRecordsTest {

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    QafPastRecords records;
    @Autowired
    QafReturns returns;
    @Autowired
    QafComplianceSummary summary;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Q5 Q7 last year's agreed grades (C1.5 at D) recorded once; claiming B this year is a change of 2")
    void lastYearComparedWithThisYear() {
        Scenario.now(LocalDateTime.of(2026, 11, 2, 9, 0));
        String code = Scenario.uniqueCode("QP");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code.toLowerCase() + "@p.example"));
        scenario.asSystem(() -> services.register("S" + code, "Service " + code, code, "Older people",
                "Sheltered housing", PriorityLevel.GREEN, "po", LocalDate.of(2027, 2, 1)));
        Map<CoreObjective, QafGrade> claimed = new EnumMap<>(CoreObjective.class);
        Map<CoreObjective, QafGrade> agreed = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            claimed.put(objective, QafGrade.C);
            agreed.put(objective, QafGrade.C);
        }
        agreed.put(CoreObjective.C1_5, QafGrade.D);
        QafReturn past = scenario.asSystem(() -> records.recordAgreed("S" + code, LocalDate.of(2026, 2, 2), claimed,
                agreed, "po"));
        assertThat(past.getReference()).isEqualTo("QAF-S" + code + "-2025-1");
        assertThat(past.getFinancialYear()).isEqualTo("2025/26");
        assertThat(past.getStatus()).isEqualTo(QafStatus.AGREED);
        assertThat(summary.forService("S" + code, LocalDate.of(2026, 11, 2))).isEqualTo("QAF 2025/26 returned on time;"
                + " self-assessed (desk-top review, no validation visit); below C: C1.5 D.");
        assertThatThrownBy(() -> records.recordAgreed("S" + code, LocalDate.of(2026, 3, 2), claimed, agreed, "po"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("already has a QAF for 2025/26");

        QafReturn current = returns.issue("S" + code, QafVariant.FULL, LocalDate.of(2027, 2, 1), "po");
        Map<CoreObjective, QafReturns.Claim> claims = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            claims.put(objective, new QafReturns.Claim(QafGrade.C, "Policy on file.", null, null));
        }
        claims.put(CoreObjective.C1_5, new QafReturns.Claim(QafGrade.B, "Policy on file.", "Audit done.", null));
        returns.submitSelfAssessment(current.getReference(), new QafReturns.SelfAssessment(claims, "Summary."), "prov");
        Map<CoreObjective, QafReturns.OfficerAssessment> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            grades.put(objective, new QafReturns.OfficerAssessment(QafGrade.C, "Seen."));
        }
        returns.recordDeskTopReview(current.getReference(), new QafReturns.DeskTopReview(false, null, grades, false,
                false), "po");
        assertThat(returns.validationInputs(current.getReference()).largestGradeChange()).isEqualTo(2);
    }
}
