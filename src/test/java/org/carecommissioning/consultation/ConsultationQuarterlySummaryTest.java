package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Reported;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.consultation.Consultations.ConsentForm;
import org.carecommissioning.consultation.Consultations.GivenAnswer;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * U7 on the whole application (H2, real records): the quarterly summary counts, per consultation reported in the
 * quarter, the answer sets standing after a withdrawal, the questionnaires, the complaints (anonymous, named) and the
 * safeguarding escalations, with the report's headline; it lists the consultations still open and leaves out those
 * reported in another quarter; no name, consent reference or answer text is in it. Over
 * {@code GET /api/consultations/summaries/{year}/{quarter}}: CSV or PDF for the contracts manager and the head of
 * contracts, 403 for a provider user and an officer, 400 for a year or quarter that is none.
 */
@ApplicationTest
class ConsultationQuarterlySummaryTest {

    private static final String PARTICIPANT = "Wilhelmina Summary-Participant";
    private static final String ANSWER = "Unique summary answer about the night staff.";
    private static final String WITHDRAWN_ANSWER = "Unique withdrawn summary answer.";
    private static final ConsultationQuarter QUARTER = new ConsultationQuarter(2031, 2);

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    Consultations consultations;
    @Autowired
    ConsultationRepository records;
    @Autowired
    ConsultationConcernRepository concerns;
    @Autowired
    ConsultationQuarterlySummary summaries;
    @Autowired
    TestRestTemplate rest;

    ConsultedService interviewed;
    ConsultedService surveyed;
    ConsultedService open;
    ConsultedService earlier;
    String consentReference;
    String headOfContracts;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2031, 5, 6, 9, 0));
        interviewed = ConsultedService.create(scenario, organisations, services, "QS");
        surveyed = ConsultedService.create(scenario, organisations, services, "QS");
        open = ConsultedService.create(scenario, organisations, services, "QS");
        earlier = ConsultedService.create(scenario, organisations, services, "QS");
        headOfContracts = "hoc-" + interviewed.code().toLowerCase();
        scenario.user(headOfContracts, "head-of-contracts");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    private Consultation agreed(ConsultedService world, ConsultationMethod method, int users) {
        return consultations.get(world.agreedConsultation(consultations, method, users));
    }

    private void reported(Consultation consultation, String headline, LocalDate issuedOn) {
        Scenario.now(issuedOn.atTime(12, 0));
        Consultation record = records.findByReference(consultation.getReference()).orElseThrow();
        record.reportWritten(headline, "The full report text.", true, "po", LocalDateTime.now());
        records.save(record);
        consultations.reportIssued(consultation.getReference());
    }

    private void concern(Consultation consultation, String suffix, ConcernKind kind, ComplaintChoice complaint,
            String consent) {
        concerns.save(new ConsultationConcern(consultation.getReference() + "-" + suffix, consultation.getId(), kind,
                complaint, consent, "Described only here.", "po", LocalDateTime.now(), LocalDate.of(2031, 6, 1)));
    }

    private void recordTheQuarter() {
        // an interview consultation: 3 participants, one withdraws; an anonymous and a named complaint, a safeguarding
        Consultation interviews = agreed(interviewed, ConsultationMethod.INDIVIDUAL_INTERVIEW, 12);
        String reference = interviews.getReference();
        String withdrawn = null;
        for (int i = 0; i < 3; i++) {
            ConsentRecord consent = consultations.recordConsent(reference, new ConsentForm(true, false,
                    LocalDate.of(2031, 5, 6), PARTICIPANT + " " + i, null), interviewed.officer());
            consultations.recordAnswers(reference, consent.getConsentReference(), List.of(GivenAnswer.answered("Q1",
                    i == 2 ? WITHDRAWN_ANSWER : ANSWER)), interviewed.officer());
            consentReference = i == 0 ? consent.getConsentReference() : consentReference;
            withdrawn = consent.getConsentReference();
        }
        consultations.withdraw(reference, withdrawn, interviewed.officer());
        concern(interviews, "C1", ConcernKind.COMPLAINT, ComplaintChoice.ANONYMOUS, null);
        concern(interviews, "C2", ConcernKind.COMPLAINT, ComplaintChoice.NAMED, consentReference);
        concern(interviews, "S1", ConcernKind.SAFEGUARDING, null, null);
        reported(interviews, "Users value the key workers; evenings are short-staffed.", LocalDate.of(2031, 7, 1));

        // a questionnaire consultation: 2 returned, reported on the quarter's last day
        Scenario.now(LocalDateTime.of(2031, 5, 6, 9, 0));
        Consultation questionnaires = agreed(surveyed, ConsultationMethod.QUESTIONNAIRE, 40);
        for (int i = 0; i < 2; i++) {
            consultations.recordQuestionnaire(questionnaires.getReference(), List.of(GivenAnswer.answered("Q1", ANSWER)),
                    surveyed.officer());
        }
        reported(questionnaires, "Most users are satisfied.", LocalDate.of(2031, 9, 30));

        // reported the day after the quarter: not in it
        Scenario.now(LocalDateTime.of(2031, 5, 6, 9, 0));
        reported(agreed(earlier, ConsultationMethod.QUESTIONNAIRE, 40), "Next quarter's headline.",
                LocalDate.of(2031, 10, 1));

        // still open: planned
        Scenario.now(LocalDateTime.of(2031, 10, 2, 9, 0));
        consultations.plan(open.serviceCode(), open.officer());
    }

    private List<Reported> mine(Summary summary) {
        List<String> codes = List.of(interviewed.serviceCode(), surveyed.serviceCode(), earlier.serviceCode());
        return summary.reported().stream().filter(row -> codes.contains(row.serviceCode())).toList();
    }

    @Test
    @DisplayName("U7 U3 per consultation reported in the quarter: participants after the withdrawal, questionnaires, "
            + "complaints anonymous/named, safeguarding, the headline; the open ones with their stage")
    void summaryOfTheQuarter() {
        recordTheQuarter();
        Summary summary = summaries.summary(QUARTER);

        assertThat(mine(summary)).extracting(Reported::serviceCode)
                .containsExactly(interviewed.serviceCode(), surveyed.serviceCode());
        Reported interviews = mine(summary).get(0);
        assertThat(interviews.reference()).isEqualTo("SUC-" + interviewed.serviceCode() + "-2031");
        assertThat(interviews.serviceName()).isEqualTo("Service " + interviewed.code());
        assertThat(interviews.provider()).isEqualTo("Provider " + interviewed.code());
        assertThat(interviews.method()).isEqualTo("individual interview");
        assertThat(interviews.participants()).as("U3: the withdrawn participant's answers are gone").isEqualTo(2);
        assertThat(interviews.questionnaires()).isZero();
        assertThat(interviews.anonymousComplaints()).isEqualTo(1);
        assertThat(interviews.namedComplaints()).isEqualTo(1);
        assertThat(interviews.safeguardingEscalations()).isEqualTo(1);
        assertThat(interviews.headline()).isEqualTo("Users value the key workers; evenings are short-staffed.");
        Reported survey = mine(summary).get(1);
        assertThat(survey.participants()).isEqualTo(2);
        assertThat(survey.questionnaires()).isEqualTo(2);
        assertThat(survey.anonymousComplaints() + survey.namedComplaints() + survey.safeguardingEscalations()).isZero();
        assertThat(summary.totals().participants()).isGreaterThanOrEqualTo(4);
        assertThat(summary.open()).filteredOn(row -> row.serviceCode().equals(open.serviceCode()))
                .singleElement().satisfies(row -> assertThat(row.stage()).isEqualTo("planned"));
        assertThat(summary.open()).extracting(ConsultationQuarterlySummary.Open::serviceCode)
                .doesNotContain(interviewed.serviceCode(), surveyed.serviceCode());

        String csv = ConsultationQuarterlySummaryCsv.render(summary);
        assertThat(csv).contains(interviews.reference(), "Most users are satisfied.")
                .doesNotContain(PARTICIPANT).doesNotContain(consentReference).doesNotContain(ANSWER)
                .doesNotContain(WITHDRAWN_ANSWER).doesNotContain("Described only here.")
                .doesNotContain("Next quarter's headline.");
    }

    @Test
    @DisplayName("U7 the summary over the API: CSV for the contracts manager, PDF for the head of contracts (.pdf or "
            + "?format=pdf); 403 for a provider user and an officer; 400 for a bad year, quarter or format")
    void summaryOverTheApi() {
        recordTheQuarter();
        String path = "/api/consultations/summaries/2031-32/2";

        ResponseEntity<String> csv = get(interviewed.manager(), path, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("consultation-summary-2031-32-q2.csv");
        assertThat(csv.getBody()).startsWith(ConsultationQuarterlySummaryCsv.HEADER)
                .contains("SUC-" + interviewed.serviceCode() + "-2031").doesNotContain(PARTICIPANT)
                .doesNotContain(consentReference).doesNotContain(ANSWER);

        for (String pdfPath : List.of(path + ".pdf", path + "?format=pdf")) {
            ResponseEntity<byte[]> pdf = get(headOfContracts, pdfPath, byte[].class);
            assertThat(pdf.getStatusCode()).as(pdfPath).isEqualTo(HttpStatus.OK);
            assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
        }

        assertThat(get(interviewed.providerUser(), path, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(interviewed.officer(), path, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (String bad : List.of("/api/consultations/summaries/2031-33/2", "/api/consultations/summaries/2031-32/5",
                path + "?format=xls")) {
            ResponseEntity<String> refused = get(interviewed.manager(), bad, String.class);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(bad).contains("U7");
        }
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return rest.withBasicAuth(user, user).getForEntity(path, type);
    }
}
