package org.carecommissioning.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.invoicing.InvoiceService;
import org.carecommissioning.invoicing.InvoiceStatus;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.referral.ReferralService;
import org.carecommissioning.referral.ReferralStatus;
import org.carecommissioning.support.EmbeddedDatabase;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.support.TestSmtp;
import org.carecommissioning.therapist.Therapist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on the postgres profile against a real PostgreSQL server (embedded binaries, no
 * Docker) and a real SMTP server: one referral from partnership to paid invoice, every e-mail checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ExtendWith(TestSmtp.class)
class PostgresLifecycleIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
        registry.add("MAIL_HOST", () -> "127.0.0.1");
        registry.add("MAIL_PORT", TestSmtp::port);
        // the integration tests share one database, so one administrator password
        registry.add("ADMIN_PASSWORD", () -> "test-admin-secret");
        registry.add("camunda.bpm.job-execution.enabled", () -> false);
    }


    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    PartnershipService partnerships;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ReferralService referrals;
    @Autowired
    InvoiceService invoices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Issue 12: every connection plans the engine's authorization joins by index, without JIT, parallel workers or "
            + "materialised grants")
    void connectionsCarryThePlannerSettingsForTasklist() {
        assertThat(jdbc.queryForList("SELECT name, setting FROM pg_settings WHERE name IN ('enable_material', 'jit', "
                + "'max_parallel_workers_per_gather', 'random_page_cost') ORDER BY name"))
                .containsExactly(Map.of("name", "enable_material", "setting", "off"), Map.of("name", "jit", "setting", "off"),
                        Map.of("name", "max_parallel_workers_per_gather", "setting", "0"),
                        Map.of("name", "random_page_cost", "setting", "1.1"));
    }

    @Test
    @DisplayName("R1-R11 X2 on PostgreSQL: partnership, referral, series with a late cancellation, quarterly invoice, late fee, payment")
    void fullLifecycleOnPostgres() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
                String.class)).contains("1", "2");
        assertThat(jdbc.queryForObject("select count(*) from bank_holiday", Integer.class)).isPositive();

        Scenario.now(LocalDateTime.of(2026, 7, 1, 9, 0));
        scenario.user("it-partnership-admin", "partnership-admin");
        ProcessInstance term = scenario.as("it-partnership-admin", () -> runtimeService.startProcessInstanceByKey(
                "partnership-term", Map.of("organisationName", "Riverside Community Trust", "organisationCode", "RIVER",
                        "organisationEmail", "accounts@riverside.example", "startDate", "2026-07-01")));
        assertThat(term.getBusinessKey()).isEqualTo("P-RIVER-20260701");
        var partnership = partnerships.findByReference("P-RIVER-20260701").orElseThrow();
        Therapist therapist = scenario.therapistOn(partnership, "Priya Postgres", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
        scenario.user("it-commissioner", "commissioner", organisations.findByCode("RIVER").orElseThrow().getGroupId());
        World world = new World(organisations.findByCode("RIVER").orElseThrow(), partnership, "it-commissioner");

        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        ProcessInstance referral = journeys.authorisedReferral(world, "Rosa River", 4, 4.00);
        assertThat(referral.getBusinessKey()).isEqualTo("R-RIVER-" + referral.getBusinessKey().substring(8));
        journeys.session(referral, therapist, "2026-08-03T10:00", "attended", null);
        journeys.session(referral, therapist, "2026-08-10T10:00", "cancelled-by-client", "2026-08-10T07:00");
        journeys.session(referral, therapist, "2026-08-17T10:00", "cancelled-by-client", "2026-08-15T10:00");
        journeys.session(referral, therapist, "2026-08-24T10:00", "attended", null);
        journeys.session(referral, therapist, "2026-08-31T10:00", "attended", null);
        journeys.finalEvaluation(referral, "Task_CollectFinalEvaluation");
        assertThat(referrals.getByNumber(referral.getBusinessKey()).getStatus()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referrals.getByNumber(referral.getBusinessKey()).getTreatmentsUsed()).isEqualTo(4);

        journeys.invoiceRun(2026, 2);
        var invoice = invoices.get("INV-RIVER-2026Q2");
        // three treatments given at £16 (client pays £4) and one late cancellation at full cost
        assertThat(invoice.getSubtotalPence()).isEqualTo(3 * 1600 + 2000);
        assertThat(invoice.getClientContributionsPence()).isEqualTo(3 * 400);

        ProcessInstance invoiceProcess = journeys.invoiceInstance("INV-RIVER-2026Q2");
        Scenario.now(LocalDateTime.of(2026, 12, 21, 8, 0));
        scenario.executeDueJobs(invoiceProcess.getId());
        assertThat(invoices.get("INV-RIVER-2026Q2").getLateFeePence()).isEqualTo(2000);
        scenario.complete(Journeys.FINANCE, invoiceProcess, "Task_RecordPayment",
                Map.of("amountPaidPounds", 88.00, "paidOn", "2026-12-21"));
        assertThat(invoices.get("INV-RIVER-2026Q2").getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(invoiceProcess.getId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_InvoicePaid");

        List<String> mails = Arrays.stream(TestSmtp.server().getReceivedMessages()).map(PostgresLifecycleIT::describe)
                .toList();
        assertThat(mails).containsExactly(
                "coordinator@activelightworks.example: Treatments authorised for referral " + referral.getBusinessKey(),
                "priya.postgres@alw.example: Appointment booked: Rosa River on Mon 3 Aug 2026, 10:00",
                "priya.postgres@alw.example: Appointment booked: Rosa River on Mon 10 Aug 2026, 10:00",
                "priya.postgres@alw.example: Appointment booked: Rosa River on Mon 17 Aug 2026, 10:00",
                "priya.postgres@alw.example: Appointment booked: Rosa River on Mon 24 Aug 2026, 10:00",
                "priya.postgres@alw.example: Appointment booked: Rosa River on Mon 31 Aug 2026, 10:00",
                "accounts@riverside.example: Invoice INV-RIVER-2026Q2 from ActiveLightWorks for 2026/27 Q2 (July-September 2026)",
                "accounts@riverside.example: Payment overdue: invoice INV-RIVER-2026Q2 - administration fee added");

        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("admin", "test-admin-secret").getForEntity("/engine-rest/process-instance",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String describe(MimeMessage message) {
        try {
            return message.getAllRecipients()[0] + ": " + message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
