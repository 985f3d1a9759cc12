package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.therapist.Therapist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad input in the referral lifecycle is refused with a caseworker's message, and nothing is written. */
@ApplicationTest
class ReferralBadInputTest {

    private static final LocalDate QUARTER_START = LocalDate.of(2026, 7, 1);

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ReferralService referrals;
    @Autowired
    TreatmentSessionService sessions;

    World world;
    Therapist therapist;
    ProcessInstance referral;

    @BeforeEach
    void referAClient() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        world = scenario.world(QUARTER_START);
        therapist = scenario.therapistOn(world.partnership(), "Ann Able", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
        referral = scenario.refer(world, "Bea Client");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0} treatments")
    @ValueSource(ints = {0, 2, 3, 7})
    @DisplayName("R3 a treatment count outside the plan rule is refused, naming the allowed counts, and nothing is written")
    void treatmentCountOutsideThePlanRule(int treatments) {
        assertThatThrownBy(() -> authorise(treatments, 5))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("R3")
                .hasMessageContaining("one-off treatment (1) or a series of 4, 5 or 6");
        assertThat(referral().getStatus()).isEqualTo(ReferralStatus.REFERRED);
        assertThat(referral().getTreatmentsAuthorised()).isNull();
        assertThat(scenario.task(referral, "Task_ConfirmEligibility")).isNotNull();
    }

    @ParameterizedTest(name = "£{0}")
    @ValueSource(doubles = {-0.01, -5, 20.01, 25})
    @DisplayName("R9 a client contribution below £0 or above £20 is refused and nothing is written")
    void contributionOutOfRange(double pounds) {
        assertThatThrownBy(() -> authorise(4, pounds))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("between £0.00 and £20.00");
        assertThat(referral().getStatus()).isEqualTo(ReferralStatus.REFERRED);
        assertThat(referral().getClientContributionPence()).isNull();
    }

    @Test
    @DisplayName("R9 contributions of exactly £0 and £20 are accepted and held in pence")
    void contributionBoundaries() {
        authorise(4, 20);
        assertThat(referral().getClientContributionPence()).isEqualTo(2000);
        assertThat(referral().commissionerSharePence(2000)).isZero();
    }

    @Test
    @DisplayName("R2 declining without a reason is refused; with a reason the referral is declined")
    void declineNeedsAReason() {
        Long referralId = referralId();
        assertThatThrownBy(() -> scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility",
                Map.of("eligibilityConfirmed", false)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("not eligible");
        assertThat(referral().getStatus()).isEqualTo(ReferralStatus.REFERRED);

        scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility",
                Map.of("eligibilityConfirmed", false, "declineReason", "Not a member"));
        assertThat(referrals.get(referralId).getStatus()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(referrals.get(referralId).getDeclineReason()).isEqualTo("Not a member");
    }

    @Test
    @DisplayName("R1 a booking after the partnership's end is refused and no session is written")
    void bookingAfterPartnershipEnd() {
        authoriseAndReachBooking();
        assertThatThrownBy(() -> book(therapist, "2027-01-01T10:00"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("R1")
                .hasMessageContaining("after the partnership ends on Thu 31 Dec 2026");
        assertThat(sessions.sessionsOf(referralId())).isEmpty();
        assertThat(scenario.task(referral, "Task_BookAppointment")).isNotNull();
    }

    @Test
    @DisplayName("R1 a booking on the partnership's last day is accepted")
    void bookingOnLastDay() {
        authoriseAndReachBooking();
        book(therapist, "2026-12-31T16:00");
        assertThat(sessions.sessionsOf(referralId())).hasSize(1);
    }

    @Test
    @DisplayName("R4 a therapist whose insurance has lapsed on the appointment date cannot be booked")
    void therapistInsuranceLapsed() {
        Therapist uninsured = scenario.therapistOn(world.partnership(), "Carl Lapsed", LocalDate.of(2028, 1, 1),
                LocalDate.of(2026, 9, 9), null);
        authoriseAndReachBooking();
        assertThatThrownBy(() -> book(uninsured, "2026-09-10T10:00"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("R4")
                .hasMessageContaining("public liability insurance is recorded as valid only until 2026-09-09");
        assertThat(sessions.sessionsOf(referralId())).isEmpty();
        book(uninsured, "2026-09-09T10:00");
        assertThat(sessions.sessionsOf(referralId())).hasSize(1);
    }

    @Test
    @DisplayName("R4 a therapist whose qualification has lapsed on the appointment date cannot be booked")
    void therapistQualificationLapsed() {
        Therapist unqualified = scenario.therapistOn(world.partnership(), "Dee Expired", LocalDate.of(2026, 8, 31),
                LocalDate.of(2028, 1, 1), null);
        authoriseAndReachBooking();
        assertThatThrownBy(() -> book(unqualified, "2026-09-01T10:00"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("professional qualification is recorded as valid only until 2026-08-31");
        assertThat(sessions.sessionsOf(referralId())).isEmpty();
    }

    @Test
    @DisplayName("R4 a therapist who is not on this project cannot be booked")
    void therapistNotOnProject() {
        World other = scenario.world(QUARTER_START);
        Therapist elsewhere = scenario.therapistOn(other.partnership(), "Eve Elsewhere", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
        authoriseAndReachBooking();
        assertThatThrownBy(() -> book(elsewhere, "2026-09-10T10:00"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("not available on this project");
    }

    @Test
    @DisplayName("R6 a cancellation notified after the appointment is refused and the session stays booked")
    void cancellationAfterAppointment() {
        authoriseAndReachBooking();
        book(therapist, "2026-09-10T10:00");
        scenario.executeDueJobs(referral.getId());
        assertThatThrownBy(() -> scenario.complete("coordinator-test", referral, "Task_RecordSessionOutcome", Map.of(
                "sessionOutcome", "cancelled-by-client", "cancellationNotifiedAt", "2026-09-10T10:30")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("R6")
                .hasMessageContaining("after the appointment");
        TreatmentSession session = sessions.sessionsOf(referralId()).get(0);
        assertThat(session.getStatus()).isEqualTo(SessionStatus.BOOKED);
        assertThat(session.getCancellationNotifiedAt()).isNull();
        assertThat(scenario.task(referral, "Task_RecordSessionOutcome")).isNotNull();
    }

    @Test
    @DisplayName("R6 attendance cannot be recorded before the appointment has started")
    void attendanceBeforeAppointment() {
        authoriseAndReachBooking();
        book(therapist, "2026-12-01T10:00");
        scenario.executeDueJobs(referral.getId());
        assertThatThrownBy(() -> scenario.complete("coordinator-test", referral, "Task_RecordSessionOutcome",
                Map.of("sessionOutcome", "attended")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("has not started yet");
        assertThat(sessions.sessionsOf(referralId()).get(0).getStatus()).isEqualTo(SessionStatus.BOOKED);
    }

    private void authorise(int treatments, double contribution) {
        scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility", Map.of(
                "eligibilityConfirmed", true, "treatmentsAuthorised", treatments,
                "clientContributionPounds", contribution));
    }

    private void authoriseAndReachBooking() {
        scenario.user("coordinator-test", "coordinator");
        authorise(4, 5);
        scenario.executeDueJobs(referral.getId());
        assertThat(scenario.task(referral, "Task_BookAppointment")).isNotNull();
    }

    private void book(Therapist who, String at) {
        scenario.complete("coordinator-test", referral, "Task_BookAppointment",
                Map.of("therapistId", who.getId().toString(), "appointmentAt", at));
    }

    private Long referralId() {
        return (Long) runtimeService.getVariable(referral.getId(), "referralId");
    }

    private Referral referral() {
        return referrals.get(referralId());
    }
}
