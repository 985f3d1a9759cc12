package org.carecommissioning.dataprotection;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The access and erasure audit logs: who, when, which record (by id); never a name or any other personal data. */
@Repository
class AuditLogRepository {

    static final String SERVICE_USER = "service_user";

    private final JdbcTemplate jdbc;

    AuditLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void recordRead(String userId, Long serviceUserId, LocalDateTime at) {
        jdbc.update("INSERT INTO personal_data_access_log (accessed_at, user_id, record_type, record_id)"
                + " VALUES (?, ?, ?, ?)", Timestamp.valueOf(at), userId, SERVICE_USER, serviceUserId);
    }

    void recordErasure(String userId, Long serviceUserId, int referrals, int historyInstances, LocalDateTime at) {
        jdbc.update("INSERT INTO erasure_log (erased_at, erased_by, record_type, record_id, referrals_anonymised,"
                + " history_instances_removed) VALUES (?, ?, ?, ?, ?, ?)", Timestamp.valueOf(at), userId, SERVICE_USER,
                serviceUserId, referrals, historyInstances);
    }
}
