package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Q2: the sentence the contract management meeting's internal compliance audit shows on its QAF clause. */
class QafComplianceSummaryTest {

    static final LocalDate MEETING = LocalDate.of(2027, 2, 1);
    static final LocalDate DUE = LocalDate.of(2026, 12, 21);
    static final LocalDateTime AT = LocalDateTime.of(2026, 11, 2, 9, 0);

    @Test
    @DisplayName("Q2 returned on time, validated by a visit (and why), every objective agreed at C or above")
    void onTimeValidated() {
        QafReturn qaf = submitted(QafGrade.A);
        qaf.reviewed(false, false, "po", AT);
        qaf.validationDecided(true, "grade-a-claimed", AT);
        qaf.visitPlanned(LocalDate.of(2027, 1, 5), AT);
        qaf.visited("Policies seen.", "po", AT);
        agreeAll(qaf, QafGrade.B);
        assertThat(QafComplianceSummary.describe(qaf, MEETING)).isEqualTo("QAF 2026/27 returned on time; validated by"
                + " visit (grade A claimed); every objective C or above.");
    }

    @Test
    @DisplayName("Q2 self-assessed (no validation visit), an objective agreed at D is named")
    void selfAssessedWithD() {
        QafReturn qaf = submitted(QafGrade.C);
        qaf.reviewed(false, false, "po", AT);
        qaf.validationDecided(false, "none", AT);
        agreeAll(qaf, QafGrade.C);
        qaf.objective(CoreObjective.C1_4).agree(QafGrade.D, "No safeguarding policy.");
        assertThat(QafComplianceSummary.describe(qaf, MEETING)).isEqualTo("QAF 2026/27 returned on time; self-assessed"
                + " (desk-top review, no validation visit); below C: C1.4 D.");
    }

    @Test
    @DisplayName("Q2 a non-return is shown as the contract compliance issue it was recorded as; late returns say so")
    void notReturned() {
        QafReturn qaf = issued();
        qaf.nonReturnRecorded(DUE.plusDays(1), AT);
        assertThat(QafComplianceSummary.describe(qaf, MEETING)).isEqualTo("QAF 2026/27 not returned by Mon 21 Dec 2026"
                + " (recorded as a compliance issue).");
        qaf.submit("Late summary.", "prov", AT.plusMonths(2), BigDecimal.ONE);
        assertThat(QafComplianceSummary.describe(qaf, MEETING)).startsWith("QAF 2026/27 returned late, after Mon 21 Dec"
                + " 2026 (the non-return is recorded as a compliance issue); desk-top review not done yet; grades not"
                + " agreed yet.");
    }

    @Test
    @DisplayName("Q2 a QAF still within its deadline shows when it is due back; none issued says so")
    void awaitedAndNone() {
        assertThat(QafComplianceSummary.describe(issued(), LocalDate.of(2026, 12, 1))).isEqualTo("QAF 2026/27 issued"
                + " on Mon 2 Nov 2026, due back by Mon 21 Dec 2026.");
        assertThat(QafComplianceSummary.describe(issued(), LocalDate.of(2026, 12, 22))).isEqualTo("QAF 2026/27 not"
                + " returned by Mon 21 Dec 2026.");
        assertThat(QafComplianceSummary.NONE).isEqualTo("No QAF issued for this service yet.");
    }

    static QafReturn issued() {
        return new QafReturn("QAF-S1-2026-1", 1L, "2026/27", QafVariant.FULL, MEETING, AT.toLocalDate(), DUE, "po", AT);
    }

    private static QafReturn submitted(QafGrade claimed) {
        QafReturn qaf = issued();
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).claim(claimed, "c", "b", "a");
        }
        qaf.submit("Summary.", "prov", AT.plusDays(10), BigDecimal.ONE);
        return qaf;
    }

    private static void agreeAll(QafReturn qaf, QafGrade grade) {
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).agree(grade, null);
        }
        qaf.agreed("po", AT);
    }
}
