package org.carecommissioning.partnership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnershipRepository extends JpaRepository<Partnership, Long> {

    Optional<Partnership> findByReference(String reference);

    List<Partnership> findByCommissioningOrganisationIdAndStatus(Long organisationId, PartnershipStatus status);
}
