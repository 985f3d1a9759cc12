package org.carecommissioning.referral;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Human-readable referral numbers (the process business key), e.g. R-HOPE-00042, from a database sequence. */
@Component
class ReferralNumbers {

    private final EntityManager entityManager;

    ReferralNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    String next(String organisationCode) {
        var dialect = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
        String sql = dialect.getSequenceSupport().getSequenceNextValString("referral_number_seq");
        Number next = (Number) entityManager.createNativeQuery(sql).getSingleResult();
        return String.format("R-%s-%05d", organisationCode, next.longValue());
    }
}
