package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.carecommissioning.shared.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ConsultationReports} on mocked repositories: U6 (the report's headline and text and their limits;
 * adverse when the officer says so or a complaint was raised; the contracts manager approves, and for an adverse report
 * the SP manager and the head of contracts too; a wrong role is refused; a revised report is approved again).
 */
@DisplayName("ConsultationReports (U6)")
class ConsultationReportsTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 7, 5);
    private static final String REFERENCE = "SUC-SP101-2027";
    private static final List<String> CM = List.of("contracts-manager");

    private ConsultationConcernRepository concerns;
    private final List<ConsultationReportApproval> saved = new ArrayList<>();
    private ConsultationReports reports;
    private Consultation consultation;

    @BeforeEach
    void setUp() {
        Consultations consultations = mock(Consultations.class);
        concerns = mock(ConsultationConcernRepository.class);
        ZoneId london = ZoneId.of("Europe/London");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(london).toInstant(), london);
        reports = new ConsultationReports(consultations, concerns, mock(AnswerSetRepository.class),
                ReportApprovalsInMemory.in(saved), clock);
        consultation = new Consultation(REFERENCE, 7L, "2027/28", null, "po", TODAY.atStartOfDay());
        consultation.proposed(ConsultationMethod.SMALL_GROUP, 10, 3, false, 3, "po", TODAY.atStartOfDay());
        consultation.agreed(ConsultationMethod.SMALL_GROUP, 3, null, "cm", TODAY.atStartOfDay());
        when(consultations.get(REFERENCE)).thenReturn(consultation);
    }

    @Test
    @DisplayName("U6 the headline (200) and the text (4000) are required and limited; nothing is written when refused")
    void headlineAndText() {
        assertThatThrownBy(() -> reports.writeReport(REFERENCE, " ", "Text.", false, "po"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("U6: Give the report a headline");
        assertThatThrownBy(() -> reports.writeReport(REFERENCE, "h".repeat(201), "Text.", false, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U6: The report's headline is 201 characters long; the limit is 200");
        assertThatThrownBy(() -> reports.writeReport(REFERENCE, "Headline", null, false, "po"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("U6: Write the report");
        assertThatThrownBy(() -> reports.writeReport(REFERENCE, "Headline", "t".repeat(4001), false, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U6: The report is 4001 characters long; the limit is 4000");
        assertThat(consultation.getReportVersion()).isZero();
        assertThat(consultation.getReportHeadline()).isNull();

        reports.writeReport(REFERENCE, " Users value their key workers. ", "Most said so.", false, "po");
        assertThat(consultation.getReportHeadline()).isEqualTo("Users value their key workers.");
        assertThat(consultation.getReportText()).isEqualTo("Most said so.");
        assertThat(consultation.getReportWrittenBy()).isEqualTo("po");
        assertThat(consultation.getReportWrittenAt()).isEqualTo(TODAY.atTime(10, 0));
        assertThat(consultation.getReportVersion()).isEqualTo(1);
        assertThat(consultation.isReportAdverse()).isFalse();
    }

    @Test
    @DisplayName("U6 a complaint raised in the consultation makes the report adverse; the officer cannot clear it")
    void complaintMakesItAdverse() {
        when(concerns.existsByConsultationIdAndKind(any(), eq(ConcernKind.COMPLAINT))).thenReturn(true);
        reports.writeReport(REFERENCE, "Headline", "Text.", false, "po");
        assertThat(consultation.isReportAdverse()).isTrue();
        assertThat(ConsultationReports.approversOf(consultation)).containsExactly("contracts-manager", "sp-manager",
                "head-of-contracts");
    }

    @Test
    @DisplayName("U6 a report without adverse comments is approved by the contracts manager alone; another role, a"
            + " user without the role, nobody signed in and a second decision are refused")
    void contractsManagerApproves() {
        assertThatThrownBy(() -> reports.decide(REFERENCE, "contracts-manager", ReportDecision.APPROVE, "cm", CM))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("No report of " + REFERENCE);
        reports.writeReport(REFERENCE, "Headline", "Text.", false, "po");
        assertThatThrownBy(() -> reports.decide(REFERENCE, "sp-manager", ReportDecision.APPROVE, "spm",
                List.of("sp-manager"))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U6: The report of " + REFERENCE + " is approved by the contracts manager, as it holds no"
                        + " adverse comments or complaints; not as sp-manager.");
        assertThatThrownBy(() -> reports.decide(REFERENCE, "contracts-manager", ReportDecision.APPROVE, "po",
                List.of("purchasing-officer"))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U6: Only the contracts manager (role contracts-manager) approves the report of "
                        + REFERENCE + " here; po does not have that role.");
        assertThatThrownBy(() -> reports.decide(REFERENCE, "contracts-manager", ReportDecision.APPROVE, null,
                List.of())).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("nobody is signed in");
        assertThat(saved).isEmpty();
        assertThat(reports.approved(REFERENCE)).isFalse();

        ConsultationReportApproval approval = reports.decide(REFERENCE, "contracts-manager", ReportDecision.APPROVE,
                "cm", CM);
        assertThat(approval.getDecidedBy()).isEqualTo("cm");
        assertThat(approval.getDecidedAt()).isEqualTo(TODAY.atTime(10, 0));
        assertThat(approval.getReportVersion()).isEqualTo(1);
        assertThat(reports.approved(REFERENCE)).isTrue();
        assertThatThrownBy(() -> reports.decide(REFERENCE, "contracts-manager", ReportDecision.REVISE, "cm2", CM))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("already decided");
    }

    @Test
    @DisplayName("U6 an adverse report needs all three roles; one revise sends it back, and the revised report is"
            + " approved again by all three")
    void adverseReportNeedsAllThree() {
        reports.writeReport(REFERENCE, "Night cover", "Users worry about night cover.", true, "po");
        reports.decide(REFERENCE, "contracts-manager", ReportDecision.APPROVE, "cm", CM);
        reports.decide(REFERENCE, "sp-manager", ReportDecision.APPROVE, "spm", List.of("sp-manager"));
        assertThat(reports.approved(REFERENCE)).as("the head of contracts has not approved").isFalse();
        reports.decide(REFERENCE, "head-of-contracts", ReportDecision.REVISE, "hoc", List.of("head-of-contracts"));
        assertThat(reports.approved(REFERENCE)).isFalse();

        reports.writeReport(REFERENCE, "Night cover", "Users worry about night cover; staff are recruited.", true,
                "po");
        assertThat(consultation.getReportVersion()).isEqualTo(2);
        reports.decide(REFERENCE, "head-of-contracts", ReportDecision.APPROVE, "hoc", List.of("head-of-contracts"));
        reports.decide(REFERENCE, "sp-manager", ReportDecision.APPROVE, "spm", List.of("sp-manager"));
        assertThat(reports.approved(REFERENCE)).as("version 1's approvals do not count").isFalse();
        reports.decide(REFERENCE, "contracts-manager", ReportDecision.APPROVE, "cm", CM);
        assertThat(reports.approved(REFERENCE)).isTrue();
    }

    @Test
    @DisplayName("U6 the three approvals of an adverse report are three people: one user in two roles decides once")
    void onePersonDecidesOnce() {
        reports.writeReport(REFERENCE, "Night cover", "Users worry about night cover.", true, "po");
        reports.decide(REFERENCE, "sp-manager", ReportDecision.APPROVE, "both", List.of("sp-manager",
                "head-of-contracts"));
        assertThatThrownBy(() -> reports.decide(REFERENCE, "head-of-contracts", ReportDecision.APPROVE, "both",
                List.of("sp-manager", "head-of-contracts"))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("already decided this version").hasMessageContaining("different person");
        reports.decide(REFERENCE, "head-of-contracts", ReportDecision.APPROVE, "hoc", List.of("head-of-contracts"));
        reports.decide(REFERENCE, "contracts-manager", ReportDecision.APPROVE, "cm", CM);
        assertThat(reports.approved(REFERENCE)).isTrue();
    }
}
