package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.therapist.Therapist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** X3: an analyst's redeployed decision table changes the running application at once, with no restart. */
@ApplicationTest
class DecisionRedeployTest {

    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TreatmentSessionService sessions;

    Deployment analystDeployment;

    @AfterEach
    void undeploy() {
        if (analystDeployment != null) {
            repositoryService.deleteDeployment(analystDeployment.getId(), true);
        }
        ClockUtil.reset();
    }

    @Test
    @DisplayName("X3 R6 a redeployed cancellation-charge table with a 48-hour rule charges a 30-hour cancellation at once (latest binding)")
    void redeployedTableTakesEffect() throws IOException {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        Therapist therapist = scenario.therapistOn(world.partnership(), "Rae Redeploy", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);

        ProcessInstance before = journeys.authorisedReferral(world, "Before Change", 4, 0);
        journeys.session(before, therapist, "2026-09-10T10:00", "cancelled-by-client", "2026-09-09T04:00");
        assertThat(lastSession(before).isChargeable()).as("30 hours' notice is free under R6").isFalse();

        String table;
        try (InputStream in = getClass().getResourceAsStream("/dmn/cancellation-charge.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String stricter = table.replace("&gt;= 24", "&gt;= 48").replace("&lt; 24", "&lt; 48")
                .replace(">= 24<", ">= 48<").replace("< 24<", "< 48<");
        assertThat(stricter).as("the analyst's edit changed the table").isNotEqualTo(table);
        analystDeployment = repositoryService.createDeployment().name("analyst edit")
                .addString("cancellation-charge.dmn", stricter).deploy();

        ProcessInstance after = journeys.authorisedReferral(world, "After Change", 4, 0);
        journeys.session(after, therapist, "2026-09-17T10:00", "cancelled-by-client", "2026-09-16T04:00");
        assertThat(lastSession(after).isChargeable()).as("the new table applies without a restart").isTrue();
        assertThat(lastSession(after).isUsesTreatment()).isTrue();
    }

    private TreatmentSession lastSession(ProcessInstance referral) {
        Long referralId = (Long) runtimeService.getVariable(referral.getId(), "referralId");
        var all = sessions.sessionsOf(referralId);
        return all.get(all.size() - 1);
    }
}
