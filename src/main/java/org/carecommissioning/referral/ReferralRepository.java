package org.carecommissioning.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    Optional<Referral> findByReferralNumber(String referralNumber);

    List<Referral> findByServiceUserIdOrderById(Long serviceUserId);
}
