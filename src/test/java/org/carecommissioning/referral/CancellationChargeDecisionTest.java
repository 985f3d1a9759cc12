package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision table {@code cancellation-charge} (dmn/cancellation-charge.dmn), rules R6 and R7. */
@DisplayName("R6/R7 cancellation-charge decision")
class CancellationChargeDecisionTest {

    private static final String KEY = "cancellation-charge";
    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(String cancelledBy, Object noticeHours) {
        return dmn.evaluate(Variables.createVariables()
                .putValue("cancelledBy", cancelledBy)
                .putValue("noticeHours", noticeHours));
    }

    private static void assertOutcome(DmnTestSupport.Evaluation evaluation, String expectedRule,
            boolean chargeable, boolean usesTreatment, boolean reschedule) {
        assertThat(evaluation.matchedRuleIds()).containsExactly(expectedRule);
        assertThat(evaluation.result()).hasSize(1);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsOnlyKeys("chargeable", "usesTreatment", "reschedule")
                .containsEntry("chargeable", chargeable)
                .containsEntry("usesTreatment", usesTreatment)
                .containsEntry("reschedule", reschedule);
    }

    @ParameterizedTest(name = "client, {0} hours' notice -> free, rescheduled")
    @CsvSource({"24", "24.01", "48", "168"})
    @DisplayName("R6 client cancellation with 24 hours' notice or more is free and rescheduled")
    void clientWithEnoughNotice(double noticeHours) {
        assertOutcome(evaluate("client", noticeHours), "Rule_ClientWithNotice", false, false, true);
    }

    @ParameterizedTest(name = "client, {0} hours' notice -> charged, uses a treatment")
    @CsvSource({"23.99", "12", "1", "0"})
    @DisplayName("R6 client cancellation with less than 24 hours' notice or a no-show (0) is charged at full cost and uses one authorised treatment")
    void clientLateOrNoShow(double noticeHours) {
        assertOutcome(evaluate("client", noticeHours), "Rule_ClientLateOrNoShow", true, true, false);
    }

    @ParameterizedTest(name = "client, {0} whole hours (Integer) -> chargeable={1}")
    @CsvSource({
            "24, false, false, true,  Rule_ClientWithNotice",
            "23, true,  true,  false, Rule_ClientLateOrNoShow",
            "0,  true,  true,  false, Rule_ClientLateOrNoShow",
    })
    @DisplayName("R6 notice hours passed as a whole number (Integer) are compared the same way as decimals")
    void clientNoticeAsInteger(int noticeHours, boolean chargeable, boolean usesTreatment,
            boolean reschedule, String expectedRule) {
        assertOutcome(evaluate("client", Integer.valueOf(noticeHours)), expectedRule,
                chargeable, usesTreatment, reschedule);
    }

    @ParameterizedTest(name = "provider, {0} hours' notice -> never charged, rescheduled")
    @CsvSource({"0", "23.99", "24", "30"})
    @DisplayName("R7 provider cancellation is never charged and is rescheduled, whatever the notice")
    void providerCancellation(double noticeHours) {
        assertOutcome(evaluate("provider", noticeHours), "Rule_ProviderCancellation", false, false, true);
    }

    @ParameterizedTest(name = "cancelledBy=''{0}'' -> no rule matches")
    @CsvSource({"Client", "therapist"})
    @DisplayName("R6/R7 only the exact values 'client' and 'provider' match a row; anything else gives no result")
    void unknownCancelledByMatchesNothing(String cancelledBy) {
        DmnTestSupport.Evaluation evaluation = evaluate(cancelledBy, 0.0);

        assertThat(evaluation.matchedRuleIds()).isEmpty();
        assertThat(evaluation.result()).isEmpty();
    }

    @Test
    @DisplayName("R6/R7/X3 every cancellation-charge rule is annotated with its rule ID; history time to live is set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 3);
    }
}
