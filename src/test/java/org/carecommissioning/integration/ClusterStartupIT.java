package org.carecommissioning.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.carecommissioning.security.Roles;
import org.carecommissioning.support.ClusterNodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 item 1: two nodes started at the same moment on one EMPTY PostgreSQL database (the postgres and demo
 * profiles: groups, grants, administrator, Tasklist filters, demo data) both come up, and every start-up writer wrote
 * its rows once. Each round uses a database of its own, so each begins empty. Three rounds rather than the ten,
 * to keep this test near two minutes: a round starts two applications at once, 40 to 110 seconds on a two-core build
 * machine shared with other builds. Before the fix the first round already failed (the second node: duplicate key on
 * act_uniq_auth_group, two nodes granting the same group at once).
 */
class ClusterStartupIT {

    private static final int ROUNDS = 3;

    @Test
    @DisplayName("two nodes started together on an empty database both come up, with no duplicate rows")
    void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String database = "cluster_startup_" + round;
            ClusterNodes.createDatabase(database);
            List<ConfigurableApplicationContext> nodes = startTogether(database, 2);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(nodes.get(0).getBean(DataSource.class));
                assertNoDuplicates(jdbc, "round " + round);
            } finally {
                nodes.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private static void assertNoDuplicates(JdbcTemplate jdbc, String round) {
        assertThat(jdbc.queryForList("select name_ from act_ge_property group by name_ having count(*) > 1",
                String.class)).as(round + ": engine properties").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from act_ge_property where name_ = 'historyLevel'",
                Integer.class)).as(round + ": history level recorded once").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from act_ge_schema_log", Integer.class))
                .as(round + ": the schema created once").isEqualTo(1);
        assertThat(jdbc.queryForList("select version from flyway_schema_history where not success", String.class))
                .as(round + ": failed migrations").isEmpty();
        assertThat(jdbc.queryForList("select id_ from act_id_group", String.class)).as(round + ": groups")
                .containsAll(Roles.ALL).contains(Roles.ADMIN).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("select coalesce(group_id_, user_id_) || ' ' || resource_type_ || ' '"
                + " || resource_id_ from act_ru_authorization group by group_id_, user_id_, resource_type_, resource_id_,"
                + " type_ having count(*) > 1", String.class)).as(round + ": authorizations").isEmpty();
        assertThat(jdbc.queryForList("select name_ from act_ru_filter group by name_, owner_ having count(*) > 1",
                String.class)).as(round + ": Tasklist filters").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_filter", Integer.class))
                .as(round + ": an open and an overdue filter per role").isEqualTo(2 * Roles.ALL.size());
        assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization where resource_type_ = 5"
                + " and resource_id_ <> '*'",
                Integer.class)).as(round + ": one read grant per filter").isEqualTo(2 * Roles.ALL.size());
        assertThat(jdbc.queryForObject("select count(*) from act_id_user where id_ = 'demo'", Integer.class))
                .as(round + ": the administrator").isEqualTo(1);
        assertThat(jdbc.queryForList("select code from organisation", String.class)).as(round + ": demo organisations")
                .containsExactlyInAnyOrder("ALW", "HOPE", "HAVEN");
        assertThat(jdbc.queryForList("select full_name from therapist", String.class)).as(round + ": demo therapists")
                .containsExactlyInAnyOrder("Maya Patel", "Tom Reid");
        assertThat(jdbc.queryForObject("select count(*) from contracted_service", Integer.class))
                .as(round + ": demo services").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst p join act_re_procdef d"
                + " on p.proc_def_id_ = d.id_ where d.key_ = 'partnership-term'", Integer.class))
                .as(round + ": one demo partnership").isEqualTo(1);
    }

    /**
     * Starts the nodes at the same moment: each prepares its environment and logging alone (Spring Boot's logging
     * set-up is one per JVM and not made for two applications at once), then all wait for each other and create their
     * contexts (Flyway, the engine, the start-up writers) together. Fails with the first node's start-up failure.
     */
    private static List<ConfigurableApplicationContext> startTogether(String database, int count) throws Exception {
        TogetherAfterLogging together = new TogetherAfterLogging(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
            for (int node = 1; node <= count; node++) {
                int number = node;
                starting.add(threads.submit(() -> node(database, number, together)));
            }
            List<ConfigurableApplicationContext> nodes = new ArrayList<>();
            Exception failure = null;
            for (Future<ConfigurableApplicationContext> node : starting) {
                try {
                    nodes.add(node.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                nodes.forEach(ConfigurableApplicationContext::close);
                throw failure;
            }
            return nodes;
        } finally {
            threads.shutdown();
        }
    }

    private static ConfigurableApplicationContext node(String database, int number, TogetherAfterLogging together) {
        return ClusterNodes.node("demo").listeners(together)
                .run(ClusterNodes.arguments(database, number, "--DEMO_MAIL_CATCHER=false"));
    }

    /** Lets one node at a time prepare its environment and logging, then releases all nodes at once. */
    private static final class TogetherAfterLogging implements ApplicationListener<SpringApplicationEvent>, Ordered {

        private final ReentrantLock logging = new ReentrantLock();
        private final CyclicBarrier allPrepared;

        TogetherAfterLogging(int nodes) {
            allPrepared = new CyclicBarrier(nodes);
        }

        @Override
        public void onApplicationEvent(SpringApplicationEvent event) {
            if (event instanceof ApplicationStartingEvent) {
                logging.lock();
            } else if (event instanceof ApplicationContextInitializedEvent) {
                logging.unlock();
                try {
                    allPrepared.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException("Another node failed to start", e);
                }
            } else if (event instanceof ApplicationFailedEvent) {
                if (logging.isHeldByCurrentThread()) {
                    logging.unlock();
                }
                allPrepared.reset();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
