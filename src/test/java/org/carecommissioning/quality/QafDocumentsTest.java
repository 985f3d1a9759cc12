package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Q3 evidence documents over /api on the whole application (H2, authorizations on): who may upload, list and download
 * them, the type read from the content and not the name, the size limit, and no uploads once the return is reviewed.
 */
@ApplicationTest
class QafDocumentsTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    QafReturns returns;
    @Autowired
    TestRestTemplate rest;

    String code;
    String officer;
    String otherOfficer;
    String manager;
    String providerUser;
    String otherProviderUser;
    String clerk;
    ProcessInstance instance;
    String reference;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 2, 9, 0));
        code = Scenario.uniqueCode("QD");
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example"));
        Organisation other = scenario.asSystem(() -> organisations.registerProvider(code + "Z", "Other " + code,
                code.toLowerCase() + "z@p.example"));
        officer = "qd-po-" + code.toLowerCase();
        otherOfficer = "qd-po2-" + code.toLowerCase();
        manager = "qd-cm-" + code.toLowerCase();
        providerUser = "qd-prov-" + code.toLowerCase();
        otherProviderUser = "qd-other-" + code.toLowerCase();
        clerk = "qd-clerk-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(otherOfficer, "purchasing-officer");
        scenario.user(manager, "contracts-manager");
        scenario.user(providerUser, "provider", provider.getGroupId());
        scenario.user(otherProviderUser, "provider", other.getGroupId());
        scenario.user(clerk, "data-input-clerk");
        scenario.asSystem(() -> services.register("S" + code, "Service " + code, code, "Older people",
                "Sheltered housing", PriorityLevel.GREEN, officer, LocalDate.of(2027, 2, 1)));
        instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("qaf-return",
                Map.of("serviceCode", "S" + code, "qafVariant", "FULL", "meetingDate", "2027-02-01")));
        reference = instance.getBusinessKey();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Q3 the provider's staff upload a PDF; the officer lists it, the contracts manager downloads it as an"
            + " attachment; the review task's list shows it")
    void uploadListDownload() {
        ResponseEntity<Map> uploaded = upload(providerUser, "policy.pdf", PDF, "C1.3");
        assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(uploaded.getBody()).containsEntry("name", "policy.pdf").containsEntry("type", "application/pdf")
                .containsEntry("objective", "C1.3").containsEntry("uploadedBy", providerUser);

        ResponseEntity<List> listed = rest.withBasicAuth(officer, officer)
                .getForEntity("/api/qaf/{ref}/documents", List.class, reference);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).hasSize(1);

        Object id = uploaded.getBody().get("id");
        ResponseEntity<byte[]> download = rest.withBasicAuth(manager, manager)
                .getForEntity("/api/qaf/{ref}/documents/{id}", byte[].class, reference, id);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(PDF);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
                .contains("policy.pdf");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat((String) runtimeService.getVariable(instance.getId(), "evidenceDocuments"))
                .startsWith("policy.pdf (PDF, 1 KB) for C1.3 \u2013 uploaded by " + providerUser + " on ");
    }

    @Test
    @DisplayName("Q3 the type comes from the content: PNG bytes named .pdf are kept as a PNG image, a Word document"
            + " is a ZIP holding word/document.xml, anything else is refused with 400")
    void typeByContent() throws Exception {
        ResponseEntity<Map> png = upload(providerUser, "scan.pdf", PNG, null);
        assertThat(png.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(png.getBody()).containsEntry("type", "image/png").containsEntry("name", "scan.png");

        ResponseEntity<Map> docx = upload(officer, "notes.docx", zip("word/document.xml"), null);
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(docx.getBody()).containsEntry("type", QafDocuments.DOCX);

        ResponseEntity<Map> plainZip = upload(providerUser, "notes.docx", zip("readme.txt"), null);
        assertThat(plainZip.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(plainZip.getBody().get("message")))
                .contains("is not a PDF, Word document or image");

        ResponseEntity<Map> text = upload(providerUser, "fake.pdf", "<html>hi</html>".getBytes(StandardCharsets.UTF_8),
                null);
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(text.getBody().get("message"))).contains("\"fake.pdf\" is not a PDF, Word document"
                + " or image");
        assertThat(returns.get(reference)).isNotNull();
        assertThat(rest.withBasicAuth(officer, officer).getForEntity("/api/qaf/{ref}/documents", List.class, reference)
                .getBody()).hasSize(2);
    }

    @Test
    @DisplayName("Q3 a document over the limit is refused with a sentence (413 from the /api limit), never a 500")
    void overTheLimit() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        ResponseEntity<String> refused = rest.withBasicAuth(providerUser, providerUser).postForEntity(
                "/api/qaf/{ref}/documents", multipart("big.pdf", big, null), String.class, reference);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refused.getBody()).contains("The file is too large: documents of at most 2048 KB can be uploaded.")
                .doesNotContain("Exception");
        assertThat(rest.withBasicAuth(officer, officer).getForEntity("/api/qaf/{ref}/documents", List.class, reference)
                .getBody()).isEmpty();
    }

    @Test
    @DisplayName("Q3 another provider's staff are told the QAF does not exist (404, as for an unknown reference);"
            + " another service's officer and other staff get 403")
    void strangersRefused() {
        ResponseEntity<Map> otherProvider = upload(otherProviderUser, "policy.pdf", PDF, null);
        assertThat(otherProvider.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> unknown = rest.withBasicAuth(otherProviderUser, otherProviderUser)
                .getForEntity("/api/qaf/{ref}/documents", Map.class, reference + "9");
        assertThat(otherProvider.getBody().get("message")).isEqualTo("There is no QAF " + reference + ".");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth(otherProviderUser, otherProviderUser)
                .getForEntity("/api/qaf/{ref}/documents", Map.class, reference).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(upload(otherOfficer, "policy.pdf", PDF, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(clerk, clerk).getForEntity("/api/qaf/{ref}/documents", Map.class, reference)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/qaf/{ref}/documents", String.class, reference).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("Q3 Decision: documents are accepted until the desk-top review is done, then refused with 400")
    void refusedOnceReviewed() {
        assertThat(upload(providerUser, "policy.pdf", PDF, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        scenario.executeDueJobs(instance.getId());
        Map<String, Object> form = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> {
            form.put(fields.claimed(), "C");
            form.put(fields.evidenceC(), "Written policy, reviewed yearly.");
        });
        form.put("qafSummary", "We meet the minimum standard throughout.");
        scenario.complete(providerUser, instance, "Task_CompleteSelfAssessment", form);
        assertThat(upload(providerUser, "late.pdf", PDF, null).getStatusCode()).as("still submitted")
                .isEqualTo(HttpStatus.CREATED);

        Map<String, Object> review = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> review.put(fields.officerGrade(), "C"));
        review.put("concernsRaised", false);
        review.put("inProcurementReview", false);
        review.put("reviewOutcome", "accept");
        scenario.complete(officer, instance, "Task_ReviewSelfAssessment", review);

        ResponseEntity<Map> refused = upload(providerUser, "later.pdf", PDF, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody().get("message"))).contains("is reviewed; evidence documents are"
                + " accepted until the desk-top review is done");
        assertThat(returns.get(reference).getStatus()).isEqualTo(QafStatus.REVIEWED);
    }

    private ResponseEntity<Map> upload(String userId, String name, byte[] content, String objective) {
        return rest.withBasicAuth(userId, userId).postForEntity("/api/qaf/{ref}/documents",
                multipart(name, content, objective), Map.class, reference);
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(String name, byte[] content, String objective) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        if (objective != null) {
            body.add("objective", objective);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    static byte[] zip(String entry) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
