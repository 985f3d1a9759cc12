package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11's end-to-end journeys on the whole application (H2, authorizations on, GreenMail): a full interview
 * consultation and a questionnaire consultation, each from the officer's start form to the issued report, every step
 * taken as its user takes it ({@link ConsultationJourney}); the interview journey runs on PostgreSQL too
 * ({@code integration.ConsultationPostgresIT}).
 */
@ApplicationTest
class ConsultationJourneyTest {

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    ConsultationJourney journey;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("U1-U6: an interview consultation: one withdrawal (answers gone from answer, answer_set and history,"
            + " U3), an adverse answer raised as an anonymous complaint and a safeguarding escalation e-mailed (U4),"
            + " one more interview approved (U5), the adverse report approved by three roles and e-mailed as a PDF"
            + " counting 2 participants (U6); no name or answer in any variable, history row or byte array")
    void interviewConsultation() throws Exception {
        ConsultedService world = ConsultedService.create(scenario, organisations, services, "CJ");
        String head = "hoc-" + world.code().toLowerCase();
        scenario.user(head, "head-of-contracts");
        ConsultationJourney.Interview people = ConsultationJourney.Interview.named(world.code());

        String reference = journey.interviewConsultation(world, head, people).getBusinessKey();

        assertThat(jdbc.queryForList("SELECT participant_name FROM consent_record c JOIN consultation k ON"
                + " k.id = c.consultation_id WHERE k.reference = ? ORDER BY c.id", String.class, reference))
                .as("U4: the names only on the consent records, the withdrawn one erased")
                .containsExactly(people.participant(), null, people.later());
    }

    @Test
    @DisplayName("U2, U4, U6: a questionnaire consultation of over 500 users: questionnaires only, the provider e-mailed,"
            + " three questionnaires recorded anonymously, closed, the report approved by the contracts manager alone"
            + " and issued")
    void questionnaireConsultation() throws Exception {
        ConsultedService world = ConsultedService.create(scenario, organisations, services, "CQ");

        String reference = journey.questionnaireConsultation(world).getBusinessKey();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record c JOIN consultation k ON"
                + " k.id = c.consultation_id WHERE k.reference = ?", Long.class, reference))
                .as("U4: no consent forms, no names for questionnaires").isZero();
    }
}
