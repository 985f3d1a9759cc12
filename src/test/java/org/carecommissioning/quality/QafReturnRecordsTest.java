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
import org.carecommissioning.quality.QafReturns.AgreedGrade;
import org.carecommissioning.quality.QafReturns.Claim;
import org.carecommissioning.quality.QafReturns.DeskTopReview;
import org.carecommissioning.quality.QafReturns.OfficerAssessment;
import org.carecommissioning.quality.QafReturns.SelfAssessment;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * QAF records on the application's database (V9 migration, H2): a return issued, self-assessed, reviewed and agreed is
 * kept with its objectives, and the next year's return is compared with it (Q5 largestGradeChange); a refused return
 * writes nothing (Q3).
 */
@ApplicationTest
class QafReturnRecordsTest {

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    QafReturns returns;

    String serviceCode;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 2, 9, 0));
        String code = Scenario.uniqueCode("QA");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code + "@p.example"));
        serviceCode = "S" + code;
        services.register(serviceCode, "Service " + code, code, "Older people", "Sheltered housing",
                PriorityLevel.GREEN, "po-" + code, LocalDate.of(2027, 2, 1));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Q2 Q3 Q4 Q5 Q7 an agreed QAF is kept per objective; next year's claim two grades away is a grade change of 2")
    void agreedQafIsTheLatestHeld() {
        QafReturn first = returns.issue(serviceCode, QafVariant.FULL, LocalDate.of(2027, 2, 1), "po");
        assertThat(first.getReference()).isEqualTo("QAF-" + serviceCode + "-2026-1");
        returns.submitSelfAssessment(first.getReference(), claims(QafGrade.B, QafGrade.B), "pr");
        returns.recordDeskTopReview(first.getReference(), review(QafGrade.B), "po");
        assertThat(returns.validationInputs(first.getReference()).largestGradeChange()).isZero();
        returns.recordValidationDecision(first.getReference(), false, "none");
        returns.agreeGrades(first.getReference(), agreed(QafGrade.B), "po");

        QafReturn kept = returns.get(first.getReference());
        assertThat(kept.getStatus()).isEqualTo(QafStatus.AGREED);
        assertThat(kept.getSampleDraw()).isNotNull().isBetween(java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("99.9999"));
        assertThat(kept.objective(CoreObjective.C1_3).getEvidenceB()).isEqualTo("Weekly audits of the alarms.");
        assertThat(kept.objective(CoreObjective.C1_3).getAgreedGrade()).isEqualTo(QafGrade.B);

        Scenario.now(LocalDateTime.of(2027, 11, 1, 9, 0));
        QafReturn second = returns.issue(serviceCode, QafVariant.LITE, LocalDate.of(2028, 2, 1), "po");
        assertThat(second.getFinancialYear()).isEqualTo("2027/28");
        SelfAssessment missingB = claims(QafGrade.B, QafGrade.D);
        Map<CoreObjective, Claim> broken = new EnumMap<>(missingB.claims());
        broken.put(CoreObjective.C1_2, new Claim(QafGrade.B, "Plans reviewed.", "\u2714", null));
        assertThatThrownBy(() -> returns.submitSelfAssessment(second.getReference(),
                new SelfAssessment(broken, "Summary."), "pr"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("Q3: C1.2 Support planning claims B: give written evidence for grade B.");
        assertThat(returns.get(second.getReference()).getStatus()).isEqualTo(QafStatus.ISSUED);
        assertThat(returns.get(second.getReference()).getSampleDraw()).isNull();

        returns.submitSelfAssessment(second.getReference(), missingB, "pr");
        returns.recordDeskTopReview(second.getReference(), review(QafGrade.B), "po");
        assertThat(returns.validationInputs(second.getReference()).largestGradeChange()).isEqualTo(2);
    }

    /** Every objective claims {@code grade}, C1.7 claims {@code last}, with the evidence each needs. */
    private static SelfAssessment claims(QafGrade grade, QafGrade last) {
        Map<CoreObjective, Claim> claims = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            QafGrade g = objective == CoreObjective.C1_7 ? last : grade;
            claims.put(objective, new Claim(g, "Policies in place and followed.",
                    g.compareTo(QafGrade.B) <= 0 ? "Weekly audits of the alarms." : null, null));
        }
        return new SelfAssessment(claims, "Summary sheet.");
    }

    private static DeskTopReview review(QafGrade grade) {
        Map<CoreObjective, OfficerAssessment> assessments = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            assessments.put(objective, new OfficerAssessment(grade, "Seen."));
        }
        return new DeskTopReview(false, null, assessments, false, false);
    }

    private static Map<CoreObjective, AgreedGrade> agreed(QafGrade grade) {
        Map<CoreObjective, AgreedGrade> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            grades.put(objective, new AgreedGrade(grade, null));
        }
        return grades;
    }
}
