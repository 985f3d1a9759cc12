package org.carecommissioning.consultation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsultationConcernRepository extends JpaRepository<ConsultationConcern, Long> {

    Optional<ConsultationConcern> findByReference(String reference);

    long countByConsultationId(Long consultationId);

    boolean existsByConsultationIdAndKind(Long consultationId, ConcernKind kind);
}
