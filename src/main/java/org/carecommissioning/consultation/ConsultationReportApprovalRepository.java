package org.carecommissioning.consultation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsultationReportApprovalRepository extends JpaRepository<ConsultationReportApproval, Long> {

    List<ConsultationReportApproval> findByConsultationIdAndReportVersion(Long consultationId, int reportVersion);

    List<ConsultationReportApproval> findByConsultationIdOrderById(Long consultationId);
}
