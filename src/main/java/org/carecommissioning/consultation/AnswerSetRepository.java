package org.carecommissioning.consultation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerSetRepository extends JpaRepository<AnswerSet, Long> {

    List<AnswerSet> findByConsentReference(String consentReference);

    boolean existsByConsentReference(String consentReference);

    List<AnswerSet> findByConsultationIdOrderById(Long consultationId);

    long countByConsultationIdAndConsentReferenceIsNotNull(Long consultationId);

    /** U7: the answer sets of a consultation standing (withdrawn participants' are deleted). */
    long countByConsultationId(Long consultationId);

    /** U7: the anonymous answer sets of a consultation: returned questionnaires. */
    long countByConsultationIdAndConsentReferenceIsNull(Long consultationId);
}
