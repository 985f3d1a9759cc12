package org.carecommissioning.cluster;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupWriter}, in order, while this node holds the cluster-wide start-up lock: a node starting
 * while another writes waits for it and then finds the rows there. Runs first of the application's start-up work.
 */
@Component
class StartupWriters implements ApplicationRunner, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWriters.class);

    private final ClusterLock lock;
    private final List<StartupWriter> writers;

    StartupWriters(ClusterLock lock, List<StartupWriter> writers) {
        this.lock = lock;
        this.writers = List.copyOf(writers);
    }

    @Override
    public void run(ApplicationArguments args) {
        lock.runExclusively(ClusterLock.STARTUP, () -> {
            for (StartupWriter writer : writers) {
                LOG.debug("Start-up writer {}", writer.getClass().getSimpleName());
                writer.write();
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
