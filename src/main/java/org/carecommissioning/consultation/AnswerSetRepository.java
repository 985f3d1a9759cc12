package org.carecommissioning.consultation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerSetRepository extends JpaRepository<AnswerSet, Long> {

    List<AnswerSet> findByConsentReference(String consentReference);

    boolean existsByConsentReference(String consentReference);

    List<AnswerSet> findByConsultationIdOrderById(Long consultationId);

    long countByConsultationIdAndConsentReferenceIsNotNull(Long consultationId);

    long countByConsultationIdAndConsentReferenceIsNull(Long consultationId);
}
