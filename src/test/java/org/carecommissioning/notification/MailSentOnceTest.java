package org.carecommissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: a mail is sent once although its step runs again. The step's job transaction is lost after the SMTP
 * server accepted the mail (as when its node is killed before the commit and another node takes the job over); the
 * job runs again and sends nothing more, and the mail's Message-ID is the SHA-256 of the step's key.
 */
@ApplicationTest
class MailSentOnceTest {

    private static final String COORDINATOR = "coordinator@activelightworks.example";

    @Autowired
    Scenario scenario;
    @Autowired
    ManagementService managementService;
    @Autowired
    NotificationService notifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Environment environment;
    @Autowired
    Clock clock;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("X2 a mail step whose transaction is lost after SMTP accepted the mail sends no second mail when its job runs again")
    void lostTransactionAfterSmtpAcceptanceSendsOnce() throws Exception {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance referral = scenario.refer(world, "Carla Crash");
        scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility", Map.of(
                "eligibilityConfirmed", true, "treatmentsAuthorised", 1, "clientContributionPounds", 0));
        Job mail = managementService.createJobQuery().processInstanceId(referral.getId()).singleResult();

        // the node dies after the SMTP server accepted the mail: nothing of the job's transaction is committed
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            managementService.executeJob(mail.getId());
            transaction.setRollbackOnly();
        });
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(1);
        assertThat(managementService.createJobQuery().jobId(mail.getId()).count()).as("the job is still to do").isOne();
        assertThat(scenario.task(referral, "Task_BookAppointment")).as("the process has not moved on").isNull();

        // another node takes the job over
        managementService.executeJob(mail.getId());

        MimeMessage[] received = TestSmtp.server().getReceivedMessages();
        assertThat(received).as("no second mail").hasSize(1);
        assertThat(scenario.task(referral, "Task_BookAppointment")).as("the process went on").isNotNull();
        String key = referral.getId() + "/Task_EmailAuthorisation/" + mail.getId() + "/" + COORDINATOR + "/referral-authorised";
        assertThat(received[0].getMessageID()).isEqualTo("<" + sha256(key) + "@carecommissioning.example>");
    }

    @Test
    @DisplayName("a mail sent outside a job with the caller's key is sent once, with the Message-ID of its key; without a key, every time")
    void callersKey() throws Exception {
        Email letter = Email.of(COORDINATOR, "cmm-annual-schedule", Map.of("year", "2026/27", "serviceCount", 1, "scheduleSections", "",
                "redCount", 0));

        notifications.send(letter.withKey("letter-1"));
        notifications.send(letter.withKey("letter-1"));
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(1);
        assertThat(TestSmtp.server().getReceivedMessages()[0].getMessageID())
                .isEqualTo("<" + sha256("letter-1/" + COORDINATOR + "/cmm-annual-schedule") + "@carecommissioning.example>");

        notifications.send(letter);
        notifications.send(letter);
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(3);

        // the nightly clean-up forgets a key only once it is older than asked; a forgotten key sends again
        notifications.forgetAcceptedBefore(LocalDateTime.now(clock).minusDays(1));
        notifications.send(letter.withKey("letter-1"));
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(3);
        assertThat(notifications.forgetAcceptedBefore(LocalDateTime.now(clock).plusMinutes(1))).isPositive();
        notifications.send(letter.withKey("letter-1"));
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(4);
    }

    @Test
    @DisplayName("a job's lock outlasts the slowest job, two mails of a dozen SMTP exchanges each taking its whole timeout,"
            + " and ends sooner than Camunda's 5 minutes")
    void jobLockFitsTheSlowestJob() {
        long smtpTimeout = Stream.of("connectiontimeout", "timeout", "writetimeout")
                .mapToLong(name -> environment.getRequiredProperty("spring.mail.properties.mail.smtp." + name, Long.class))
                .max().orElseThrow();
        assertThat(environment.getRequiredProperty("camunda.bpm.job-execution.lock-time-in-millis", Long.class))
                .isGreaterThan(2 * 12 * smtpTimeout)
                .isLessThan(5 * 60_000);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
