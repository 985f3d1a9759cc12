package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.support.TestSmtp;
import org.carecommissioning.therapist.Therapist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The referral form promises the client's e-mail is "used to send appointment details": it is (X2). */
@ApplicationTest
@DisplayName("Tasklist 7: the client is e-mailed their appointments")
class ClientAppointmentMailTest {

    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    RuntimeService runtimeService;

    World world;
    Therapist therapist;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 8, 3, 9, 0));
        world = scenario.world(LocalDate.of(2026, 7, 1));
        therapist = scenario.therapistOn(world.partnership(), "Maya Mailer", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
        journeys.staff();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Tasklist 7: X2 R7 the client gets the booking, the provider's cancellation and the new time")
    void bookingCancellationAndNewTime() throws Exception {
        String address = "client." + world.organisation().getCode().toLowerCase() + "@example.org";
        ProcessInstance referral = refer(address);

        book(referral, "2026-08-12T10:30");
        MimeMessage booked = onlyMailTo(address, 1);
        assertThat(booked.getSubject()).isEqualTo("Your appointment on Wed 12 Aug 2026, 10:30");
        String body = GreenMailUtil.getBody(booked);
        assertThat(body).startsWith("Dear Rosa Mailer,").contains("  Therapist:   Maya Mailer")
                .contains("  Session:     1 of 4").contains(referralNumber(referral));

        Scenario.now(LocalDateTime.of(2026, 8, 11, 9, 5));
        scenario.complete(Journeys.COORDINATOR, referral, "Task_RecordSessionOutcome",
                Map.of("sessionOutcome", "cancelled-by-provider", "cancellationNotifiedAt", "2026-08-11T09:00"));
        scenario.executeDueJobs(referral.getId());
        MimeMessage cancelled = onlyMailTo(address, 2);
        assertThat(cancelled.getSubject()).isEqualTo("Your appointment on Wed 12 Aug 2026, 10:30 is cancelled");
        assertThat(GreenMailUtil.getBody(cancelled)).contains("has been cancelled by us")
                .contains("We will contact you to arrange a new time");

        book(referral, "2026-08-19T14:00");
        assertThat(onlyMailTo(address, 3).getSubject()).isEqualTo("Your appointment on Wed 19 Aug 2026, 14:00");
    }

    @Test
    @DisplayName("Tasklist 7: a client without an e-mail address gets nothing, and the referral goes on")
    void noAddressNoMail() throws Exception {
        ProcessInstance referral = refer(null);
        int before = TestSmtp.server().getReceivedMessages().length;

        book(referral, "2026-08-12T10:30");

        // only the therapist is told
        List<String> to = new ArrayList<>();
        MimeMessage[] all = TestSmtp.server().getReceivedMessages();
        for (int i = before; i < all.length; i++) {
            to.add(all[i].getAllRecipients()[0].toString());
        }
        assertThat(to).containsOnly(therapist.getEmail());
        assertThat(scenario.task(referral, "Task_RecordSessionOutcome")).isNotNull();
    }

    private ProcessInstance refer(String email) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("serviceUserName", "Rosa Mailer",
                "membershipNumber", Scenario.uniqueCode("M"), "serviceUserPhone", "01332 000000"));
        if (email != null) {
            form.put("serviceUserEmail", email);
        }
        ProcessInstance referral = scenario.as(world.commissioner(),
                () -> runtimeService.startProcessInstanceByKey("referral", form));
        scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility", Map.of(
                "eligibilityConfirmed", true, "treatmentsAuthorised", 4, "clientContributionPounds", 5.0));
        scenario.executeDueJobs(referral.getId());
        return referral;
    }

    private void book(ProcessInstance referral, String at) {
        scenario.complete(Journeys.COORDINATOR, referral, "Task_BookAppointment",
                Map.of("therapistId", therapist.getId().toString(), "appointmentAt", at));
        scenario.executeDueJobs(referral.getId());
    }

    private String referralNumber(ProcessInstance referral) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(referral.getId()).singleResult()
                .getBusinessKey();
    }

    private static MimeMessage onlyMailTo(String address, int expectedCount) throws MessagingException {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                to.add(message);
            }
        }
        assertThat(to).hasSize(expectedCount);
        return to.get(expectedCount - 1);
    }
}
