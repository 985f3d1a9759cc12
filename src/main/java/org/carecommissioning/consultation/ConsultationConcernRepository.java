package org.carecommissioning.consultation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsultationConcernRepository extends JpaRepository<ConsultationConcern, Long> {

    Optional<ConsultationConcern> findByReference(String reference);

    long countByConsultationId(Long consultationId);

    boolean existsByConsultationIdAndKind(Long consultationId, ConcernKind kind);
    /** U7: a consultation's concerns of one kind (safeguarding escalations). */
    long countByConsultationIdAndKind(Long consultationId, ConcernKind kind);

    /** U7: a consultation's complaints raised anonymously or by name. */
    long countByConsultationIdAndKindAndComplaint(Long consultationId, ConcernKind kind, ComplaintChoice complaint);
}
