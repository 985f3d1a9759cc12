package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.consultation.Consultations.ScheduleStatus;
import org.carecommissioning.consultation.Consultations.ScheduledService;
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
import org.springframework.http.ResponseEntity;

/**
 * U1, C1 on the whole application (H2, real records): the consultation schedule of a financial year lists each
 * service due in it with its last consultation, due date and status: due (never consulted), planned, under way,
 * reported, postponed because of the procurement review (planned and moved, or not planned yet); a service not due in
 * that year is left out. Over {@code GET /api/consultations/schedule/{financialYear}}: JSON for the contracts manager,
 * the head of contracts and purchasing officers; 403 for provider staff; 400 for a year that is none.
 */
@ApplicationTest
class ConsultationScheduleTest {

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    Consultations consultations;
    @Autowired
    TestRestTemplate rest;

    ConsultedService due;
    ConsultedService planned;
    ConsultedService underWay;
    ConsultedService inReview;
    ConsultedService movedByReview;
    ConsultedService reported;
    String headOfContracts;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2032, 5, 3, 9, 0));
        due = ConsultedService.create(scenario, organisations, services, "CS");
        planned = ConsultedService.create(scenario, organisations, services, "CS");
        underWay = ConsultedService.create(scenario, organisations, services, "CS");
        inReview = ConsultedService.create(scenario, organisations, services, "CS");
        movedByReview = ConsultedService.create(scenario, organisations, services, "CS");
        reported = ConsultedService.create(scenario, organisations, services, "CS");
        headOfContracts = "hoc-" + due.code().toLowerCase();
        scenario.user(headOfContracts, "head-of-contracts");

        // reported in 2032/33: not due again until 1 June 2034
        String last = reported.agreedConsultation(consultations, ConsultationMethod.QUESTIONNAIRE, 40);
        Scenario.now(LocalDateTime.of(2032, 6, 1, 12, 0));
        consultations.reportIssued(last);

        Scenario.now(LocalDateTime.of(2033, 5, 2, 9, 0));
        consultations.plan(planned.serviceCode(), planned.officer());
        underWay.agreedConsultation(consultations, ConsultationMethod.SMALL_GROUP, 12);
        consultations.recordProcurementReview(inReview.serviceCode(), "2033/34", inReview.officer());
        consultations.plan(movedByReview.serviceCode(), movedByReview.officer());
        consultations.recordProcurementReview(movedByReview.serviceCode(), "2033/34", movedByReview.officer());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    private List<ScheduledService> mine(String financialYear) {
        List<String> codes = List.of(due.serviceCode(), planned.serviceCode(), underWay.serviceCode(),
                inReview.serviceCode(), movedByReview.serviceCode(), reported.serviceCode());
        return consultations.schedule(financialYear).stream().filter(row -> codes.contains(row.serviceCode())).toList();
    }

    @Test
    @DisplayName("U1 C1 the 2033/34 schedule: due, planned, under way, postponed by the procurement review (planned or "
            + "not); the service reported in 2032/33 is not due and left out")
    void scheduleOfTheYear() {
        Map<String, ScheduledService> schedule = mine("2033-34").stream()
                .collect(Collectors.toMap(ScheduledService::serviceCode, row -> row));

        assertThat(schedule).containsOnlyKeys(due.serviceCode(), planned.serviceCode(), underWay.serviceCode(),
                inReview.serviceCode(), movedByReview.serviceCode());
        ScheduledService first = schedule.get(due.serviceCode());
        assertThat(first.status()).isEqualTo(ScheduleStatus.DUE);
        assertThat(first.serviceName()).isEqualTo("Service " + due.code());
        assertThat(first.provider()).isEqualTo("Provider " + due.code());
        assertThat(first.lastConsultedOn()).isNull();
        assertThat(first.dueBy()).isNull();
        assertThat(first.describe()).isEqualTo("due");
        assertThat(schedule.get(planned.serviceCode()).describe())
                .isEqualTo("planned: SUC-" + planned.serviceCode() + "-2033");
        assertThat(schedule.get(underWay.serviceCode()).describe())
                .isEqualTo("under way: SUC-" + underWay.serviceCode() + "-2033");
        assertThat(schedule.get(inReview.serviceCode()).describe())
                .isEqualTo("postponed to 2034/35 (procurement review)");
        assertThat(schedule.get(movedByReview.serviceCode()).describe())
                .isEqualTo("postponed to 2034/35 (procurement review): SUC-" + movedByReview.serviceCode() + "-2033");

        assertThat(mine("2032/33")).filteredOn(row -> row.serviceCode().equals(reported.serviceCode()))
                .singleElement().satisfies(row -> {
                    assertThat(row.status()).isEqualTo(ScheduleStatus.REPORTED);
                    assertThat(row.reference()).isEqualTo("SUC-" + reported.serviceCode() + "-2032");
                });
        assertThat(mine("2034/35")).filteredOn(row -> row.serviceCode().equals(reported.serviceCode()))
                .singleElement().satisfies(row -> {
                    assertThat(row.status()).as("U1: 2 years after its report").isEqualTo(ScheduleStatus.DUE);
                    assertThat(row.lastConsultedOn()).isEqualTo(LocalDate.of(2032, 6, 1));
                    assertThat(row.dueBy()).isEqualTo(LocalDate.of(2034, 6, 1));
                });
        assertThat(ConsultationScheduleSection.line(first)).isEqualTo(due.serviceCode() + " Service "
                + due.code() + " (Provider " + due.code() + "): due; last consulted never, due now");
    }

    @Test
    @DisplayName("U1 C1 the schedule over the API: JSON for the contracts manager, head of contracts and officers; 403 "
            + "for provider staff; 400 for a year that is none")
    void scheduleOverTheApi() {
        String path = "/api/consultations/schedule/2033-34";
        for (String user : List.of(due.manager(), headOfContracts, due.officer())) {
            ResponseEntity<List> schedule = rest.withBasicAuth(user, user).getForEntity(path, List.class);
            assertThat(schedule.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(schedule.getBody()).as(user).anySatisfy(row -> assertThat((Map<String, Object>) row)
                    .containsEntry("serviceCode", underWay.serviceCode()).containsEntry("status", "UNDER_WAY")
                    .containsEntry("reference", "SUC-" + underWay.serviceCode() + "-2033"));
        }
        assertThat(rest.withBasicAuth(due.providerUser(), due.providerUser()).getForEntity(path, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (String bad : List.of("2033-35", "twenty", "2033")) {
            ResponseEntity<String> refused = rest.withBasicAuth(due.manager(), due.manager())
                    .getForEntity("/api/consultations/schedule/" + bad, String.class);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(bad).contains("2027-28");
        }
    }

    @Test
    @DisplayName("U1 the procurement review recorded on the service over the API: the planned consultation moves to the"
            + " next year; a second record, a year that is none, an unknown service are 400 and write nothing;"
            + " provider staff 403")
    void procurementReviewOverTheApi() {
        String path = "/api/services/" + due.serviceCode() + "/procurement-reviews";
        String reference = consultations.plan(due.serviceCode(), due.officer()).getReference();
        ResponseEntity<Map> recorded = rest.withBasicAuth(due.officer(), due.officer()).postForEntity(path,
                Map.of("financialYear", "2033/34"), Map.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody()).containsEntry("financialYear", "2033/34")
                .containsEntry("recordedBy", due.officer());
        assertThat(consultations.get(reference).getFinancialYear()).as("U1: postponed to the next year")
                .isEqualTo("2034/35");

        for (Map<String, String> bad : List.of(Map.of("financialYear", "2033/34"), Map.of("financialYear", "2033/35"),
                Map.of("financialYear", "soon"))) {
            ResponseEntity<String> refused = rest.withBasicAuth(due.manager(), due.manager()).postForEntity(path, bad,
                    String.class);
            assertThat(refused.getStatusCode()).as(bad.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(bad.toString()).containsAnyOf("already recorded", "like 2027/28");
        }
        assertThat(rest.withBasicAuth(due.manager(), due.manager()).postForEntity("/api/services/NOPE/procurement-reviews",
                Map.of("financialYear", "2033/34"), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth(due.providerUser(), due.providerUser()).postForEntity(path,
                Map.of("financialYear", "2035/36"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(due.providerUser(), due.providerUser()).getForEntity(path, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<List> years = rest.withBasicAuth(headOfContracts, headOfContracts).getForEntity(path, List.class);
        assertThat(years.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(years.getBody()).singleElement().satisfies(year -> assertThat((Map<String, Object>) year)
                .containsEntry("financialYear", "2033/34"));
    }
}
