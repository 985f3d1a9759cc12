package org.carecommissioning.cluster;

/**
 * Something the application writes to the database at every start-up (groups and grants, the administrator, Tasklist
 * filters, demo data). The writers run one after another, in their {@code @Order}, under one cluster-wide lock
 * ({@link StartupWriters}), so two nodes starting together never write the same rows twice. Each writer still checks
 * what exists before it writes (inside the lock), so a restart, or a node started after another, adds only what is
 * missing.
 */
public interface StartupWriter {

    void write();
}
