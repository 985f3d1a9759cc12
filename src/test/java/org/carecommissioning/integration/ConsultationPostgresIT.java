package org.carecommissioning.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.consultation.ConsultationJourney;
import org.carecommissioning.consultation.ConsultedService;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.EmbeddedDatabase;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 11's interview consultation on the postgres profile against real PostgreSQL (V13-V18 migrations), the same
 * journey as on H2 ({@link ConsultationJourney}): planned, proposed and agreed as individual interviews, one withdrawal
 * (U3: the answers gone from answer, answer_set and the engine's history), an anonymous complaint and a safeguarding
 * concern escalated with their due dates and closed with their outcomes (U4), one more interview approved (U5), the
 * adverse report approved by three roles and e-mailed (U6); and, with PostgreSQL's own byte search, no participant's
 * name or answer in any process variable, history row or engine byte array.
 */
@ExtendWith(TestSmtp.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class ConsultationPostgresIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

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
    @DisplayName("U1-U6 on PostgreSQL: an interview consultation to the issued report, with one withdrawal (answers gone"
            + " from every table), an anonymous complaint and a safeguarding concern with due dates and outcomes, one"
            + " more interview and three approvals; no name in any variable or history row")
    void interviewConsultation() throws Exception {
        ConsultedService world = ConsultedService.create(scenario, organisations, services, "PG");
        String head = "hoc-" + world.code().toLowerCase();
        scenario.user(head, "head-of-contracts");
        ConsultationJourney.Interview people = ConsultationJourney.Interview.named(world.code());

        String reference = journey.interviewConsultation(world, head, people).getBusinessKey();

        assertThat(count("SELECT COUNT(*) FROM consultation_concern WHERE reference LIKE ? AND outcome IS NOT NULL",
                reference + "-E%")).as("V18: both concerns closed with their outcomes").isEqualTo(2);
        for (String text : people.personal()) {
            assertThat(count("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE POSITION(CONVERT_TO(?, 'UTF8') IN BYTES_) > 0",
                    text)).as(text + " in ACT_GE_BYTEARRAY").isZero();
        }
        for (String name : List.of(people.participant(), people.carer(), people.later())) {
            assertThat(count("SELECT COUNT(*) FROM consent_record WHERE participant_name = ? OR carer_name = ?", name,
                    name)).as(name + " on the consent record only").isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM consent_record WHERE participant_name = ?", people.withdrawn()))
                .as("the withdrawn participant's name erased").isZero();
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }
}
