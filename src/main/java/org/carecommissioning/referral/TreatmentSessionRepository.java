package org.carecommissioning.referral;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TreatmentSessionRepository extends JpaRepository<TreatmentSession, Long> {

    List<TreatmentSession> findByReferralIdOrderBySessionNumber(Long referralId);

    @Query("""
            select s from TreatmentSession s
            where s.chargeable = true and s.invoiceId is null and s.startsAt < :before
            order by s.startsAt, s.id""")
    List<TreatmentSession> findChargeableNotInvoicedBefore(LocalDateTime before);
}
