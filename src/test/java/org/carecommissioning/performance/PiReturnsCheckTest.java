package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.MeetingPlanning;
import org.carecommissioning.performance.PiReturns.Check;
import org.carecommissioning.performance.PiReturns.CheckResult;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules of the purchasing officer's check and of the deadline, now in {@link PiReturns} rather than in the
 * delegates: PI4 (complete before accepted), PI5 (a missed trigger explained before accepted or referred), PI7 (a
 * late return's reason, overdue only when not in), X1 (the date a return sent back is due again).
 */
@DisplayName("PiReturns.check and markOverdueIfNotIn (PI4, PI5, PI7, X1)")
class PiReturnsCheckTest {

    private static final String REFERENCE = "PI-S1001-2026Q2";
    private static final LocalDate DEADLINE = LocalDate.of(2026, 10, 28);
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    private PiReturnRepository repository;
    private WorkingDayCalendar calendar;
    private PiReturns returns;
    private PiReturn piReturn;

    @BeforeEach
    void setUp() {
        repository = mock(PiReturnRepository.class);
        calendar = mock(WorkingDayCalendar.class);
        ZoneId london = ZoneId.of("Europe/London");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(london).toInstant(), london);
        returns = new PiReturns(repository, mock(Workbooks.class), mock(ContractServices.class),
                mock(TriggerEvaluator.class), mock(MeetingPlanning.class), new PiReturnDeadlines(calendar), clock);
        piReturn = new PiReturn(REFERENCE, 11L, "2026/27", 2, DEADLINE);
        when(repository.findByReference(REFERENCE)).thenReturn(Optional.of(piReturn));
    }

    private static Check check(String outcome, boolean complete, boolean missedTrigger, boolean explained) {
        return new Check(CheckOutcome.parse(outcome), null, "Add SPI3.", false, complete, complete ? null : "SPI3", missedTrigger,
                explained);
    }

    @Test
    @DisplayName("PI4 a check needs an outcome, and an unknown one is refused")
    void outcomeIsRequired() {
        assertThatThrownBy(() -> returns.check(REFERENCE, new Check(null, null, null, false, true, null, false, false)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("PI4: Choose the outcome of the check.");
        assertThatThrownBy(() -> check(null, true, false, false))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("PI4: Choose the outcome of the check.");
        assertThatThrownBy(() -> check("maybe", true, false, false))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("PI4: Unknown check outcome maybe.");
    }

    @Test
    @DisplayName("PI4 PI5 a complete return with every trigger met, or a missed one explained, is accepted as it is")
    void completeReturnIsAccepted() {
        assertThat(returns.check(REFERENCE, check("accept", true, false, false))).isEqualTo(new CheckResult(null));
        assertThat(returns.check(REFERENCE, check("accept", true, true, true))).isEqualTo(new CheckResult(null));
        assertThat(piReturn.getStatus()).isEqualTo(ReturnStatus.AWAITED);
        assertThat(piReturn.getLatenessReason()).isNull();
    }

    @Test
    @DisplayName("PI4 an incomplete return (wrong DCC code or missing sections) cannot be accepted")
    void incompleteReturnIsNotAccepted() {
        assertThatThrownBy(() -> returns.check(REFERENCE, check("accept", false, false, false)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("PI4: The return has the wrong DCC code or missing sections");
        Check wrongCode = new Check(CheckOutcome.ACCEPT, null, null, false, false, null, false, false);
        assertThatThrownBy(() -> returns.check(REFERENCE, wrongCode)).hasMessageStartingWith("PI4: The return has");
    }

    @Test
    @DisplayName("PI5 a missed trigger the provider has not explained can be neither accepted nor referred")
    void unexplainedMissedTriggerIsNotAcceptedOrReferred() {
        assertThatThrownBy(() -> returns.check(REFERENCE, check("accept", true, true, false)))
                .hasMessageStartingWith("PI5: A trigger was missed and the provider has not explained why");
        assertThatThrownBy(() -> returns.check(REFERENCE, check("refer", true, true, false)))
                .hasMessage("PI5: Ask the provider for an explanation before referring the missed trigger.");
        assertThat(piReturn.getStatus()).isEqualTo(ReturnStatus.AWAITED);
    }

    @Test
    @DisplayName("PI5 an explained missed trigger is referred to the contracts manager")
    void explainedMissedTriggerIsReferred() {
        piReturn.breached("SPI2");

        assertThat(returns.check(REFERENCE, check("refer", true, true, true))).isEqualTo(new CheckResult(null));

        assertThat(piReturn.getStatus()).isEqualTo(ReturnStatus.REFERRED);
    }

    @Test
    @DisplayName("PI4 PI5 X1 sent back with what to add or explain, due again 10 working days on or by the deadline, "
            + "whichever is later; without a request it is refused")
    void returnGoesBackToTheProvider() {
        when(calendar.plusWorkingDays(TODAY, PiReturnDeadlines.RESUBMISSION_WORKING_DAYS)).thenReturn(LocalDate.of(2026, 11, 3));
        Check noRequest = new Check(CheckOutcome.INCOMPLETE, null, " ", false, false, "SPI3", false, false);
        assertThatThrownBy(() -> returns.check(REFERENCE, noRequest))
                .hasMessage("PI4: Say what the provider must add or explain.");

        CheckResult result = returns.check(REFERENCE, check("explanation", true, true, false));

        assertThat(result.resubmitBy()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(piReturn.getStatus()).isEqualTo(ReturnStatus.RETURNED_TO_PROVIDER);
        assertThat(piReturn.getRequestToProvider()).isEqualTo("Add SPI3.");
    }

    @Test
    @DisplayName("PI7 a late return needs the reason it is late, whatever the outcome; the reason is recorded")
    void lateReturnNeedsItsReason() {
        Check noReason = new Check(CheckOutcome.ACCEPT, null, null, true, true, null, false, false);
        assertThatThrownBy(() -> returns.check(REFERENCE, noReason))
                .hasMessage("PI7: Record the reason the return is late.");

        returns.check(REFERENCE, new Check(CheckOutcome.ACCEPT, "Manager on sick leave", null, true, true, null, false, false));

        assertThat(piReturn.getLatenessReason()).isEqualTo("Manager on sick leave");
        assertThat(piReturn.isLate()).isTrue();
    }

    @Test
    @DisplayName("PI7 at the deadline a return never sent, or sent back and not sent again, is overdue and chased; "
            + "one in is not")
    void overdueOnlyWhenNotIn() {
        assertThat(returns.markOverdueIfNotIn(REFERENCE)).isTrue();
        assertThat(piReturn.isLate()).isTrue();

        PiReturn returned = new PiReturn("PI-S1001-2026Q3", 11L, "2026/27", 3, DEADLINE);
        returned.returnToProvider("Add SPI3.");
        when(repository.findByReference("PI-S1001-2026Q3")).thenReturn(Optional.of(returned));
        assertThat(returns.markOverdueIfNotIn("PI-S1001-2026Q3")).isTrue();

        PiReturn checked = new PiReturn("PI-S1001-2026Q4", 11L, "2026/27", 4, DEADLINE);
        checked.refer();
        when(repository.findByReference("PI-S1001-2026Q4")).thenReturn(Optional.of(checked));
        assertThat(returns.markOverdueIfNotIn("PI-S1001-2026Q4")).isFalse();
        assertThat(checked.isLate()).isFalse();
    }
}
