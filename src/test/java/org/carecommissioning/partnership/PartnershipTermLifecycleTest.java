package org.carecommissioning.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.referral.ReferralService;
import org.carecommissioning.referral.ReferralStatus;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R1 on the whole application: a partnership entered into, reviewed, extended, ended; unbooked treatments lapse. */
@ApplicationTest
class PartnershipTermLifecycleTest {

    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    PartnershipService partnerships;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ReferralService referrals;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("R1 a partnership runs 6 months, is reviewed, extended once, then ends and its unbooked referrals lapse")
    void reviewExtendEndAndLapse() throws Exception {
        Scenario.now(LocalDateTime.of(2026, 7, 1, 9, 0));
        String code = Scenario.uniqueCode("P");
        scenario.user("partnership-admin-test", "partnership-admin");
        ProcessInstance term = scenario.as("partnership-admin-test", () -> runtimeService.startProcessInstanceByKey(
                "partnership-term", Map.of("organisationName", "Parkside Group " + code, "organisationCode", code,
                        "organisationEmail", code.toLowerCase() + "@parkside.example", "startDate", "2026-07-01",
                        "treatmentMinutes", 60)));
        Partnership partnership = partnerships.findByReference("P-" + code + "-20260701").orElseThrow();
        assertThat(term.getBusinessKey()).isEqualTo(partnership.getReference());
        assertThat(partnership.getEndDate()).isEqualTo(LocalDate.of(2026, 12, 31));

        // X1: the review window opens four weeks before the end
        Job reviewTimer = managementService.createJobQuery().processInstanceId(term.getId()).timers().singleResult();
        assertThat(reviewTimer.getDuedate()).isEqualTo(Scenario.londonStartOf(LocalDate.of(2026, 12, 3)));

        // a referral authorised but never booked
        String commissioner = "commissioner-" + code.toLowerCase();
        scenario.user(commissioner, "commissioner",
                organisations.findByCode(code).orElseThrow().getGroupId());
        World world = new World(organisations.findByCode(code).orElseThrow(), partnership, commissioner);
        ProcessInstance waiting = journeys.authorisedReferral(world, "Wendy Waiting", 4, 0);
        assertThat(scenario.task(waiting, "Task_BookAppointment")).isNotNull();

        Scenario.now(LocalDateTime.of(2026, 12, 3, 0, 5));
        scenario.executeDueJobs(term.getId());
        assertThat(TestSmtp.server().getReceivedMessages()).extracting(m -> m.getSubject())
                .contains("Partnership " + partnership.getReference() + " ends on Thu 31 Dec 2026: review due");
        var review = scenario.task(term, "Task_ReviewPartnership");
        assertThat(review.getDueDate()).isEqualTo(ProcessDates.endOfDay(LocalDate.of(2026, 12, 31), Scenario.LONDON));
        assertThat(candidateGroups(review.getId())).containsExactlyInAnyOrder("partnership-admin", world.organisation().getGroupId());

        scenario.complete("partnership-admin-test", term, "Task_ReviewPartnership",
                Map.of("reviewDecision", "extend", "newEndDate", "2027-03-31", "reviewNotes", "Going well"));
        assertThat(partnerships.get(partnership.getId()).getEndDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        Job nextReview = managementService.createJobQuery().processInstanceId(term.getId()).timers().singleResult();
        assertThat(nextReview.getDuedate()).isEqualTo(Scenario.londonStartOf(LocalDate.of(2027, 3, 3)));

        Scenario.now(LocalDateTime.of(2027, 3, 3, 0, 5));
        scenario.executeDueJobs(term.getId());
        scenario.complete(commissioner, term, "Task_ReviewPartnership", Map.of("reviewDecision", "close"));
        assertThat(partnerships.get(partnership.getId()).getStatus()).as("still live until its end date")
                .isEqualTo(PartnershipStatus.ACTIVE);

        Scenario.now(LocalDateTime.of(2027, 4, 1, 0, 1));
        scenario.executeDueJobs(term.getId());
        assertThat(partnerships.get(partnership.getId()).getStatus()).isEqualTo(PartnershipStatus.CLOSED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(term.getId()).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_PartnershipClosed");
        Long referralId = (Long) historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(waiting.getId()).variableName("referralId").singleResult().getValue();
        assertThat(referrals.get(referralId).getStatus()).isEqualTo(ReferralStatus.LAPSED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(waiting.getId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_AuthorisationLapsed");
    }

    private java.util.List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
