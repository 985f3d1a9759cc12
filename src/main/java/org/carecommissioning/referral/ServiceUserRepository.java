package org.carecommissioning.referral;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceUserRepository extends JpaRepository<ServiceUser, Long> {

    Optional<ServiceUser> findByCommissioningOrganisationIdAndMembershipNumber(Long organisationId, String number);
}
