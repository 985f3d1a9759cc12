package org.carecommissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** X2: an SMTP outage ends in a Cockpit incident; once SMTP is back and the job retried, exactly one e-mail. */
@ApplicationTest
class MailOutageTest {

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void restore() {
        TestSmtp.restore();
        ClockUtil.reset();
    }

    @Test
    @DisplayName("X2 an SMTP outage becomes an incident after the retries; retried once SMTP is back, one e-mail is delivered")
    void outageIncidentRetryOneMail() throws Exception {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance referral = scenario.refer(world, "Olive Outage");
        TestSmtp.outage();
        scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility", java.util.Map.of(
                "eligibilityConfirmed", true, "treatmentsAuthorised", 1, "clientContributionPounds", 0));

        Job mail = managementService.createJobQuery().processInstanceId(referral.getId()).singleResult();
        assertThat(mail.getRetries()).as("R5 in the retry cycle: five tries").isEqualTo(5);
        assertThat(managementService.createJobDefinitionQuery().jobDefinitionId(mail.getJobDefinitionId())
                .singleResult().getActivityId()).isEqualTo("Task_EmailAuthorisation");
        // Every failure waits 5 minutes (PT5M) before the next try.
        int attempts = 0;
        while (managementService.createJobQuery().jobId(mail.getId()).singleResult().getRetries() > 0) {
            ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 6 * 60_000));
            assertThatThrownBy(() -> managementService.executeJob(mail.getId()))
                    .hasMessageContaining("Mail server connection failed");
            attempts++;
        }
        assertThat(attempts).isEqualTo(5);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(referral.getId()).singleResult();
        assertThat(incident).as("the failure is an incident in Cockpit").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_EmailAuthorisation");
        assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");
        assertThat(TestSmtp.server().getReceivedMessages()).isEmpty();

        TestSmtp.restore();
        managementService.setJobRetries(mail.getId(), 1);
        managementService.executeJob(mail.getId());

        assertThat(runtimeService.createIncidentQuery().processInstanceId(referral.getId()).count()).isZero();
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(1);
        assertThat(Arrays.toString(TestSmtp.server().getReceivedMessages()[0].getAllRecipients()))
                .contains("coordinator@activelightworks.example");
        assertThat(scenario.task(referral, "Task_BookAppointment")).as("the process went on").isNotNull();
    }
}
