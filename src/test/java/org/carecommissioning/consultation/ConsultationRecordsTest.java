package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.consultation.Consultations.ConsentForm;
import org.carecommissioning.consultation.Consultations.DueService;
import org.carecommissioning.consultation.Consultations.GivenAnswer;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consultation records on the application's database (V13 migration, H2): U1 (one open consultation per service,
 * postponement over a procurement review year, due 2 years after the last report), U2 (the deployed
 * consultation-sample-size decision's minimum; a smaller sample needs the contracts manager's reason), U3 (no answers
 * without a signed consent of this consultation; a withdrawal deletes the answers from every table, once) and U4 (no
 * name column where answers are kept; names only on the consent record, erased after the retention period).
 */
@ApplicationTest
class ConsultationRecordsTest {

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    Consultations consultations;
    @Autowired
    DecisionService decisions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    String serviceCode;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2027, 5, 3, 9, 0));
        serviceCode = newService();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    private String newService() {
        String code = Scenario.uniqueCode("SU");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code + "@p.example"));
        services.register("S" + code, "Service " + code, code, "Older people", "Sheltered housing",
                PriorityLevel.GREEN, "po-" + code, LocalDate.of(2027, 9, 1));
        return "S" + code;
    }

    /** U2: the deployed decision's result for {@code users}, then the officer's proposal and the manager's agreement. */
    private Consultation agreed(String code, ConsultationMethod method, int users) {
        Consultation consultation = consultations.plan(code, "po");
        Map<String, Object> sample = decisions.evaluateDecisionTableByKey("consultation-sample-size",
                Variables.createVariables().putValue("serviceUsers", users)).getSingleResult().getEntryMap();
        consultations.proposeApproach(consultation.getReference(), method, users,
                (Integer) sample.get("minimumToContact"), (Boolean) sample.get("questionnairesOnly"), null, "po");
        return consultations.agreeApproach(consultation.getReference(), null, null, null, "cm");
    }

    private static ConsentForm signed(String name) {
        return new ConsentForm(true, false, LocalDate.of(2027, 5, 3), name, null);
    }

    private long countOfConsultations(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM consultation c JOIN contracted_service s"
                + " ON s.id = c.service_id WHERE s.service_code = ?", Long.class, code);
    }

    @Test
    @DisplayName("U1 a second consultation of a service is refused while one is open, and nothing is written")
    void oneOpenConsultationPerService() {
        Consultation first = consultations.plan(serviceCode, "po");
        assertThat(first.getReference()).isEqualTo("SUC-" + serviceCode + "-2027");
        assertThat(first.getFinancialYear()).isEqualTo("2027/28");
        assertThat(first.getStatus()).isEqualTo(ConsultationStatus.PLANNED);

        assertThatThrownBy(() -> consultations.plan(serviceCode, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U1: Service " + serviceCode + " already has an open consultation, SUC-" + serviceCode
                        + "-2027 (planned); its users are not consulted twice at once.");
        assertThat(countOfConsultations(serviceCode)).isEqualTo(1);
    }

    @Test
    @DisplayName("U1 a consultation falling in the service's procurement review year is postponed to the next year,"
            + " also when the review is recorded after it was planned")
    void postponedOverTheProcurementReview() {
        consultations.recordProcurementReview(serviceCode, "2027/28", "cm");
        assertThat(consultations.inProcurementReview(serviceCode, "2027/28")).isTrue();
        Consultation postponed = consultations.plan(serviceCode, "po");
        assertThat(postponed.getFinancialYear()).isEqualTo("2028/29");
        assertThat(postponed.getPostponedFrom()).isEqualTo("2027/28");
        assertThat(postponed.getReference()).isEqualTo("SUC-" + serviceCode + "-2028");
        assertThatThrownBy(() -> consultations.recordProcurementReview(serviceCode, "2027/28", "cm"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("U1: The procurement review of");
        assertThatThrownBy(() -> consultations.recordProcurementReview(serviceCode, "2027/29", "cm"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U1: Give the financial year of the procurement review like 2027/28.");

        String other = newService();
        Consultation planned = consultations.plan(other, "po");
        assertThat(planned.getFinancialYear()).isEqualTo("2027/28");
        consultations.recordProcurementReview(other, "2027/28", "cm");
        assertThat(consultations.get(planned.getReference()).getFinancialYear()).isEqualTo("2028/29");
        assertThat(consultations.get(planned.getReference()).isPostponed()).isTrue();
    }

    @Test
    @DisplayName("U1 a service is due when never consulted, not while a consultation is open, and again 2 years after"
            + " its last report")
    void dueEveryTwoYears() {
        assertThat(dueCodes(LocalDate.of(2027, 5, 3))).contains(serviceCode);
        Consultation consultation = agreed(serviceCode, ConsultationMethod.QUESTIONNAIRE, 30);
        assertThat(dueCodes(LocalDate.of(2027, 5, 3))).doesNotContain(serviceCode);
        consultations.reportIssued(consultation.getReference());

        assertThat(dueCodes(LocalDate.of(2029, 5, 2))).doesNotContain(serviceCode);
        List<DueService> due = consultations.dueServices(LocalDate.of(2029, 5, 3)).stream()
                .filter(d -> d.serviceCode().equals(serviceCode)).toList();
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.lastConsultedOn()).isEqualTo(LocalDate.of(2027, 5, 3));
            assertThat(d.purchasingOfficer()).startsWith("po-");
        });

        Scenario.now(LocalDateTime.of(2029, 5, 3, 9, 0));
        assertThat(consultations.plan(serviceCode, "po").getReference()).isEqualTo("SUC-" + serviceCode + "-2029");
    }

    private List<String> dueCodes(LocalDate asOf) {
        return consultations.dueServices(asOf).stream().map(DueService::serviceCode).toList();
    }

    @Test
    @DisplayName("U2 the deployed decision's minimum for 21 users is 6; a sample of 5 needs the contracts manager's"
            + " reason, and a service of over 500 users is consulted by questionnaire only")
    void sampleBelowTheMinimumNeedsAReason() {
        Consultation consultation = consultations.plan(serviceCode, "po");
        String reference = consultation.getReference();
        consultations.proposeApproach(reference, ConsultationMethod.SMALL_GROUP, 21, 6, false, null, "po");
        assertThat(consultations.get(reference).getSampleSize()).isEqualTo(6);

        assertThatThrownBy(() -> consultations.agreeApproach(reference, null, 5, "  ", "cm"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U2: A sample of 5 is below the minimum of 6 to contact for 21 service users (appendix 2);"
                        + " the contracts manager gives the reason for the smaller sample, or the sample is raised to"
                        + " 6.");
        assertThat(consultations.get(reference).getStatus()).isEqualTo(ConsultationStatus.APPROACH_PROPOSED);

        Consultation agreed = consultations.agreeApproach(reference, ConsultationMethod.INDIVIDUAL_INTERVIEW, 5,
                "Two residents are in hospital.", "cm");
        assertThat(agreed.getStatus()).isEqualTo(ConsultationStatus.APPROACH_AGREED);
        assertThat(agreed.getSampleReason()).isEqualTo("Two residents are in hospital.");
        assertThat(agreed.getMethod()).isEqualTo(ConsultationMethod.INDIVIDUAL_INTERVIEW);

        String large = consultations.plan(newService(), "po").getReference();
        assertThatThrownBy(() -> consultations.proposeApproach(large, ConsultationMethod.SMALL_GROUP, 600, 30, true,
                null, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U2: A service with 600 users (over 500) is consulted by questionnaire only, not by small"
                        + " group.");
        assertThatThrownBy(() -> consultations.proposeApproach(large, ConsultationMethod.QUESTIONNAIRE, -1, 0, false,
                null, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U2: The number of service users must be between 0 and 100000; -1 is not.");
    }

    @Test
    @DisplayName("U3 no answers without a signed consent of this consultation; a consent of another consultation is"
            + " refused; nothing is written")
    void answersNeedASignedConsentOfThisConsultation() {
        String reference = agreed(serviceCode, ConsultationMethod.INDIVIDUAL_INTERVIEW, 10).getReference();
        List<GivenAnswer> answers = List.of(GivenAnswer.answered("Q1", "Staff listen to me."));

        assertThatThrownBy(() -> consultations.recordConsent(reference,
                new ConsentForm(false, false, LocalDate.of(2027, 5, 3), "Ann Example", null), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U3: The consent form must be signed by the service user");
        assertThatThrownBy(() -> consultations.recordAnswers(reference, null, answers, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U3: Give the consent reference printed on the participant's copy");
        assertThatThrownBy(() -> consultations.recordAnswers(reference, "CR-2222-2222", answers, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U3: There is no consent with reference CR-2222-2222");

        String otherReference = agreed(newService(), ConsultationMethod.SMALL_GROUP, 10).getReference();
        ConsentRecord elsewhere = consultations.recordConsent(otherReference, signed("Bob Example"), "po");
        assertThat(elsewhere.getConsentReference()).matches(Consultations.CONSENT_REFERENCE);
        assertThatThrownBy(() -> consultations.recordAnswers(reference, elsewhere.getConsentReference(), answers,
                "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U3: Consent " + elsewhere.getConsentReference() + " was given for another consultation,"
                        + " not " + reference + "; record the consent for this consultation first.");
        assertThat(consultations.answers(reference)).isEmpty();
        assertThat(consultations.consents(reference)).isEmpty();

        ConsentRecord consent = consultations.recordConsent(reference, signed("Ann Example"), "po");
        AnswerSet set = consultations.recordAnswers(reference, consent.getConsentReference().toLowerCase(Locale.ROOT),
                List.of(GivenAnswer.answered("Q1", "Staff listen to me."), GivenAnswer.declinedBy("Q2")), "po");
        assertThat(set.getConsentReference()).isEqualTo(consent.getConsentReference());
        assertThat(set.getAnswers()).extracting(Answer::getQuestionCode, Answer::isDeclined)
                .containsExactly(tuple("Q1", false),
                        tuple("Q2", true));
        assertThatThrownBy(() -> consultations.recordAnswers(reference, consent.getConsentReference(), answers, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U3: The answers for consent " + consent.getConsentReference() + " are already recorded.");
    }

    @Test
    @DisplayName("U3 a withdrawal deletes the participant's answers from every table, erases their name, keeps the"
            + " others' answers, and a second withdrawal is refused")
    void withdrawalRemovesTheAnswersEverywhere() throws SQLException {
        String reference = agreed(serviceCode, ConsultationMethod.INDIVIDUAL_INTERVIEW, 10).getReference();
        String token = "withdrawn-" + UUID.randomUUID();
        ConsentRecord leaving = consultations.recordConsent(reference, signed("Carol " + token), "po");
        ConsentRecord staying = consultations.recordConsent(reference, signed("Dan Example"), "po");
        AnswerSet withdrawnSet = consultations.recordAnswers(reference, leaving.getConsentReference(),
                List.of(GivenAnswer.answered("Q1", "The food is cold. " + token),
                        GivenAnswer.answered("Q2", "Yes. " + token)), "po");
        consultations.recordAnswers(reference, staying.getConsentReference(),
                List.of(GivenAnswer.answered("Q1", "The food is good.")), "po");
        assertThat(tablesHolding(token)).containsExactlyInAnyOrder("ANSWER", "CONSENT_RECORD");

        ConsentRecord withdrawn = consultations.withdraw(leaving.getConsentReference(), "po");
        assertThat(withdrawn.isWithdrawn()).isTrue();
        assertThat(withdrawn.getParticipantName()).isNull();

        assertThat(tablesHolding(token)).as("tables still holding the withdrawn answers or name").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM answer WHERE answer_set_id = ?", Long.class,
                withdrawnSet.getId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM answer_set WHERE consent_reference = ?", Long.class,
                leaving.getConsentReference())).isZero();
        assertThat(consultations.answers(reference)).singleElement()
                .satisfies(s -> assertThat(s.getConsentReference()).isEqualTo(staying.getConsentReference()));
        assertThat(jdbc.queryForObject("SELECT withdrawn_at FROM consent_record WHERE consent_reference = ?",
                LocalDateTime.class, leaving.getConsentReference())).isNotNull();

        assertThatThrownBy(() -> consultations.withdraw(leaving.getConsentReference(), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U3: Consent " + leaving.getConsentReference() + " was already withdrawn on 2027-05-03;"
                        + " its answers were deleted then.");
        assertThatThrownBy(() -> consultations.recordAnswers(reference, leaving.getConsentReference(),
                List.of(GivenAnswer.answered("Q1", "Again.")), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U3: Consent " + leaving.getConsentReference() + " was withdrawn on 2027-05-03; no answers"
                        + " are recorded for it.");
    }

    @Test
    @DisplayName("U4 the tables holding answers have no column for a name; a questionnaire is recorded without a"
            + " consent reference")
    void answersHaveNoNameColumn() throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : List.of("ANSWER", "ANSWER_SET")) {
                try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        columns.add(table + "." + rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        assertThat(columns).contains("ANSWER.ANSWER_TEXT", "ANSWER_SET.CONSENT_REFERENCE")
                .noneMatch(c -> c.contains("NAME") || c.contains("PARTICIPANT") || c.contains("CARER"));

        String reference = agreed(serviceCode, ConsultationMethod.QUESTIONNAIRE, 600).getReference();
        assertThat(consultations.get(reference).isQuestionnairesOnly()).isTrue();
        assertThat(consultations.get(reference).getMinimumToContact()).isEqualTo(30);
        AnswerSet set = consultations.recordQuestionnaire(reference,
                List.of(GivenAnswer.answered("Q1", "Fine."), GivenAnswer.declinedBy("Q2")), "po");
        assertThat(set.isAnonymousQuestionnaire()).isTrue();
        assertThatThrownBy(() -> consultations.recordConsent(reference, signed("Eve Example"), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U3: Consultation " + reference + " is by questionnaire");
    }

    @Test
    @DisplayName("U4 names are kept on the consent record only and erased 6 months after the report is issued")
    void namesErasedAfterTheRetentionPeriod() throws SQLException {
        String reference = agreed(serviceCode, ConsultationMethod.SMALL_GROUP, 3).getReference();
        String token = "name-" + UUID.randomUUID();
        ConsentRecord consent = consultations.recordConsent(reference,
                new ConsentForm(true, true, LocalDate.of(2027, 5, 3), "Fay " + token, "Gil " + token), "po");
        consultations.recordAnswers(reference, consent.getConsentReference(),
                List.of(GivenAnswer.answered("Q1", "Good.")), "po");
        assertThat(tablesHolding(token)).containsExactly("CONSENT_RECORD");

        assertThatThrownBy(() -> consultations.eraseNames(reference))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U4: Consultation " + reference + " has no report issued yet");
        Scenario.now(LocalDateTime.of(2027, 6, 1, 9, 0));
        consultations.reportIssued(reference);
        Scenario.now(LocalDateTime.of(2027, 11, 30, 9, 0));
        assertThatThrownBy(() -> consultations.eraseNames(reference))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U4: The names of consultation " + reference + " are kept until 2027-12-01, 6 months after"
                        + " its report was issued.");
        assertThat(tablesHolding(token)).containsExactly("CONSENT_RECORD");

        Scenario.now(LocalDateTime.of(2027, 12, 1, 9, 0));
        assertThat(consultations.eraseDueNames()).isGreaterThanOrEqualTo(1);
        assertThat(tablesHolding(token)).isEmpty();
        assertThat(consultations.consents(reference)).singleElement().satisfies(c -> {
            assertThat(c.getParticipantName()).isNull();
            assertThat(c.getCarerName()).isNull();
            assertThat(c.isCarerSigned()).isTrue();
        });
        assertThat(consultations.get(reference).getNamesErasedOn()).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThat(consultations.answers(reference)).hasSize(1);
    }

    /** Every table of the database (the engine's included) with a text column containing {@code token}. */
    private List<String> tablesHolding(String token) throws SQLException {
        List<String[]> textColumns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    int type = rs.getInt("DATA_TYPE");
                    if ("INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
                        continue;
                    }
                    if (type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB || type == Types.NVARCHAR
                            || type == Types.LONGVARCHAR || type == Types.NCLOB) {
                        textColumns.add(new String[] {schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
        }
        Set<String> holding = new TreeSet<>();
        for (String[] column : textColumns) {
            Long hits = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + column[0] + "\".\"" + column[1] + "\" WHERE \""
                    + column[2] + "\" LIKE ?", Long.class, "%" + token + "%");
            if (hits != null && hits > 0) {
                holding.add(column[1].toUpperCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(holding);
    }
}
