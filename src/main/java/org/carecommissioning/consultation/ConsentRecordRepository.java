package org.carecommissioning.consultation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRecordRepository extends JpaRepository<ConsentRecord, Long> {

    Optional<ConsentRecord> findByConsentReference(String consentReference);

    boolean existsByConsentReference(String consentReference);

    List<ConsentRecord> findByConsultationIdOrderByConsentReference(Long consultationId);
}
