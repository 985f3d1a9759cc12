package org.carecommissioning.consultation;

import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.carecommissioning.shared.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * U6: the consultation's report as a PDF ({@code GET /api/consultations/{ref}/report}), the one way approvers read it
 * (it is no process variable). Read by the consultation's purchasing officer, contracts managers, the SP manager and
 * the head of contracts; by the provider's own users only once the report is issued; 403 for anyone else, 400 for an
 * unknown consultation or one without a report.
 */
@RestController
class ConsultationReportController {

    private final Consultations consultations;
    private final ConsultationReports reports;
    private final Caller caller;

    ConsultationReportController(Consultations consultations, ConsultationReports reports, Caller caller) {
        this.consultations = consultations;
        this.reports = reports;
        this.caller = caller;
    }

    @GetMapping("/api/consultations/{reference}/report")
    ResponseEntity<byte[]> report(@PathVariable String reference) {
        String userId = caller.requireUserId("Sign in to read a consultation's report.");
        Consultation consultation = consultations.get(reference);
        ContractedService service = consultations.serviceOf(consultation);
        boolean team = userId.equals(service.getPurchasingOfficer())
                || caller.isAnyOf(Roles.CONTRACTS_MANAGER, Roles.SP_MANAGER, Roles.HEAD_OF_CONTRACTS);
        if (!team) {
            Organisation provider = consultations.providerOf(consultation);
            if (!caller.isIn(provider.getGroupId())) {
                throw new AccessDenied("Only the consultation's purchasing officer, contracts managers, the SP manager,"
                        + " the head of contracts and " + provider.getName() + " read the report of "
                        + consultation.getReference() + ".");
            }
            if (consultation.getStatus() != ConsultationStatus.REPORT_ISSUED) {
                throw new AccessDenied(provider.getName() + " reads the report of " + consultation.getReference()
                        + " once it is approved and issued.");
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\""
                        + ConsultationReportPdf.fileName(consultation) + "\"")
                .body(reports.pdf(consultation));
    }
}
