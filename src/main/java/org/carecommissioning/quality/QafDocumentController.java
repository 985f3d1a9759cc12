package org.carecommissioning.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.shared.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Q3: a QAF return's evidence documents over the authenticated API (Tasklist 7.24 forms cannot upload files). The
 * provider's own staff (group {@code pr-<code>}), the service's purchasing officer and contracts managers upload,
 * list and download them. Anyone else is refused; a provider's staff asking about another provider's return are
 * told it does not exist, exactly as for a reference that does not, so they learn nothing about it.
 */
@RestController
class QafDocumentController {

    private final QafDocuments documents;
    private final QafReturns returns;
    private final ContractServices services;
    private final Caller caller;
    private final long maxUploadBytes;

    QafDocumentController(QafDocuments documents, QafReturns returns, ContractServices services, Caller caller,
            @Value("${spring.servlet.multipart.max-file-size:2MB}") DataSize maxUpload) {
        this.documents = documents;
        this.returns = returns;
        this.services = services;
        this.caller = caller;
        this.maxUploadBytes = maxUpload.toBytes();
    }

    @PostMapping(path = "/api/qaf/{reference}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> upload(@PathVariable String reference, @RequestParam(name = "file", required = false)
            MultipartFile file, @RequestParam(name = "objective", required = false) String objective)
            throws IOException {
        allowed(reference);
        if (file == null) {
            throw new BusinessRuleViolation("Q3", "Choose the document to upload (the form field \"file\").");
        }
        return view(documents.upload(reference, objective, file.getOriginalFilename(), file.getBytes(),
                caller.userId()));
    }

    @GetMapping("/api/qaf/{reference}/documents")
    List<Map<String, Object>> list(@PathVariable String reference) {
        allowed(reference);
        return documents.list(reference).stream().map(QafDocumentController::view).toList();
    }

    @GetMapping("/api/qaf/{reference}/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable Long id) {
        allowed(reference);
        QafDocument document = documents.get(reference, id);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(document.getContentType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.getFileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(document.getContent(), headers, HttpStatus.OK);
    }

    /**
     * Q3: a file over the upload limit is refused while the request is read (multipart parsing reads the connection
     * itself, so the /api body limit sees it only here): 413 with the sentence, never a 500.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        String sentence = "The file is too large: documents of at most " + QafDocuments.kb(maxUploadBytes)
                + " can be uploaded.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, sentence);
        problem.setProperty("message", sentence);
        problem.setProperty("rule", "Q3");
        // the rest of the body is not read: the connection is closed, as RequestSizeLimit does
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONNECTION, "close").body(problem);
    }

    private void allowed(String reference) {
        caller.requireAuthenticated("Log in to see a QAF's evidence documents.");
        QafReturn qaf = returns.get(reference);
        ContractedService service = returns.serviceOf(qaf);
        if (caller.isIn(services.providerOf(service).getGroupId())
                || services.isOfficerOrContractsManager(caller.userId(), service)) {
            return;
        }
        if (caller.isIn(Roles.PROVIDER)) {
            // the same answer as for a reference that does not exist (QafReturns.get)
            throw new NotFound("There is no QAF " + reference + ".");
        }
        throw new AccessDenied("Only " + service.getServiceCode() + "'s own provider, its purchasing officer or a"
                + " contracts manager can see or add its QAF's evidence documents.");
    }

    private static Map<String, Object> view(QafDocument.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("name", entry.fileName());
        view.put("type", entry.contentType());
        view.put("size", entry.sizeBytes());
        view.put("objective", entry.objective() == null ? null : entry.objective().code());
        view.put("uploadedBy", entry.uploadedBy());
        view.put("uploadedAt", entry.uploadedAt().toString());
        return view;
    }
}
