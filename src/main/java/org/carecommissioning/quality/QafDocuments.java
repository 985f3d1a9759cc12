package org.carecommissioning.quality;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.RuntimeService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.NotFound;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Q3: evidence documents for a QAF return, uploaded over the authenticated API because Tasklist forms cannot upload
 * files. Only PDF, Word (.docx) and PNG or JPEG images are kept, recognised by their content, never by their name
 * (Decision: a file whose name claims another type is kept with the type its content has, and its name's extension
 * corrected, so the download opens as what it is). At most {@code care.quality.max-document-size} each (Decision:
 * 2MB by default, the limit every /api request body already has) and {@value #MAX_DOCUMENTS} per return. Documents
 * are accepted until the desk-top review is done (Decision: while the return is issued, sent back for evidence or
 * submitted; once reviewed the evidence is what was reviewed). Each upload refreshes the list the officer's review
 * task shows ({@value #LIST_VARIABLE}).
 */
@Service
public class QafDocuments {

    static final String LIST_VARIABLE = "evidenceDocuments";
    static final int MAX_DOCUMENTS = 50;
    static final int MAX_NAME = 200;

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    private static final Set<QafStatus> OPEN = Set.of(QafStatus.ISSUED, QafStatus.RETURNED_FOR_EVIDENCE,
            QafStatus.SUBMITTED);
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    /** A Word document is a ZIP holding this entry; a ZIP with more entries than this is not looked through. */
    private static final String WORD_ENTRY = "word/document.xml";
    private static final int MAX_ZIP_ENTRIES = 2000;

    private final QafReturns returns;
    private final QafDocumentRepository documents;
    private final RuntimeService runtimeService;
    private final SystemAuthority system;
    private final Clock clock;
    private final long maxBytes;

    QafDocuments(QafReturns returns, QafDocumentRepository documents, RuntimeService runtimeService,
            SystemAuthority system, Clock clock,
            @Value("${care.quality.max-document-size:2MB}") DataSize maxDocumentSize) {
        this.returns = returns;
        this.documents = documents;
        this.runtimeService = runtimeService;
        this.system = system;
        this.clock = clock;
        this.maxBytes = maxDocumentSize.toBytes();
    }

    /** Q3: keeps one document for the return, optionally for one objective ("C1.3"); refused before anything is written. */
    @Transactional
    public QafDocument.Entry upload(String reference, String objectiveCode, String fileName, byte[] content,
            String userId) {
        QafReturn qaf = returns.get(reference);
        if (!OPEN.contains(qaf.getStatus())) {
            throw new BusinessRuleViolation("Q3", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; evidence documents are accepted until the desk-top review is done.");
        }
        CoreObjective objective = objective(objectiveCode);
        if (content == null || content.length == 0) {
            throw new BusinessRuleViolation("Q3", "The file is empty; choose the document to upload.");
        }
        if (content.length > maxBytes) {
            throw new BusinessRuleViolation("Q3", "The file is " + kb(content.length) + "; documents of at most "
                    + kb(maxBytes) + " can be uploaded.");
        }
        String type = typeOf(content);
        if (type == null) {
            throw new BusinessRuleViolation("Q3", "\"" + name(fileName, null) + "\" is not a PDF, Word document or image"
                    + " (PNG or JPEG); only those are accepted, whatever the file's name says.");
        }
        if (documents.countByQafReturnId(qaf.getId()) >= MAX_DOCUMENTS) {
            throw new BusinessRuleViolation("Q3", "QAF " + reference + " already has " + MAX_DOCUMENTS
                    + " documents, the most one return can hold.");
        }
        QafDocument saved = documents.save(new QafDocument(qaf.getId(), objective, name(fileName, type), type, content,
                userId, LocalDateTime.now(clock)));
        refreshReviewList(qaf);
        return entry(saved);
    }

    /** Q3: the return's documents, oldest first. */
    @Transactional(readOnly = true)
    public List<QafDocument.Entry> list(String reference) {
        return documents.entries(returns.get(reference).getId());
    }

    /** Q3: one document of the return, with its bytes; another return's document is not found. */
    @Transactional(readOnly = true)
    public QafDocument get(String reference, Long id) {
        QafReturn qaf = returns.get(reference);
        return documents.findByIdAndQafReturnId(id, qaf.getId())
                .orElseThrow(() -> new NotFound("QAF " + reference + " has no document " + id + "."));
    }

    /** Q3: the list as the officer's review form shows it, one line per document. */
    static String describe(List<QafDocument.Entry> entries) {
        if (entries.isEmpty()) {
            return "No documents uploaded.";
        }
        return entries.stream().map(QafDocuments::line).collect(Collectors.joining("\n"));
    }

    static String line(QafDocument.Entry entry) {
        return entry.fileName() + " (" + label(entry.contentType()) + ", " + kb(entry.sizeBytes()) + ")"
                + (entry.objective() == null ? "" : " for " + entry.objective().code())
                + " \u2013 uploaded by " + entry.uploadedBy() + " on " + DisplayDates.dateTime(entry.uploadedAt());
    }

    /** Q3: the type the content has (PDF, Word document, PNG, JPEG), or null for anything else. */
    static String typeOf(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return PDF;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(content, ZIP_MAGIC) && holdsWordDocument(content)) {
            return DOCX;
        }
        return null;
    }

    private static boolean holdsWordDocument(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES) {
                if (WORD_ENTRY.equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static CoreObjective objective(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Arrays.stream(CoreObjective.values()).filter(o -> o.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("Q3", "There is no core objective " + code.strip()
                        + "; give C1.1 to C1.7, or none for the whole return."));
    }

    /** The name kept: no folders or control characters, at most {@value #MAX_NAME} characters, the content's extension. */
    static String name(String given, String type) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        if (type != null) {
            String extension = extension(type);
            String lower = name.toLowerCase(Locale.ROOT);
            boolean matches = lower.endsWith(extension) || (JPEG.equals(type) && lower.endsWith(".jpeg"));
            if (!matches) {
                int dot = name.lastIndexOf('.');
                name = (dot > 0 ? name.substring(0, dot) : name) + extension;
            }
        }
        return name.length() <= MAX_NAME ? name : name.substring(name.length() - MAX_NAME);
    }

    private static String extension(String type) {
        return switch (type) {
            case PDF -> ".pdf";
            case DOCX -> ".docx";
            case PNG -> ".png";
            default -> ".jpg";
        };
    }

    private static String label(String type) {
        return switch (type) {
            case PDF -> "PDF";
            case DOCX -> "Word document";
            case PNG -> "PNG image";
            default -> "JPEG image";
        };
    }

    static String kb(long bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }

    private static QafDocument.Entry entry(QafDocument d) {
        return new QafDocument.Entry(d.getId(), d.getObjective(), d.getFileName(), d.getContentType(), d.getSizeBytes(),
                d.getUploadedBy(), d.getUploadedAt());
    }

    /** Q3: the list on the running return's tasks (the officer's review form shows it); the system writes it. */
    private void refreshReviewList(QafReturn qaf) {
        String list = describe(documents.entries(qaf.getId()));
        system.run(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(QafReturnProcess.KEY)
                .processInstanceBusinessKey(qaf.getReference()).active().list()
                .forEach(instance -> runtimeService.setVariable(instance.getId(), LIST_VARIABLE, list)));
    }
}
