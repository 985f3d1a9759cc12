package org.carecommissioning.quality;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Q3: an evidence document the provider (or the officer) uploaded for a QAF return, optionally for one objective. Its
 * type is the one read from its content; the bytes are read only to download it (lists use {@link Entry}).
 */
@Entity
@Table(name = "qaf_document")
public class QafDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "qaf_return_id")
    private Long qafReturnId;

    @Enumerated(EnumType.STRING)
    private CoreObjective objective;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "content")
    private byte[] content;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private LocalDateTime uploadedAt;

    protected QafDocument() {
    }

    QafDocument(Long qafReturnId, CoreObjective objective, String fileName, String contentType, byte[] content,
            String uploadedBy, LocalDateTime uploadedAt) {
        this.qafReturnId = qafReturnId;
        this.objective = objective;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getQafReturnId() {
        return qafReturnId;
    }

    public CoreObjective getObjective() {
        return objective;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public LocalDateTime getUploadedAt() {
        return uploadedAt;
    }

    /** Q3: a document as listed: everything but its bytes. */
    public record Entry(Long id, CoreObjective objective, String fileName, String contentType, long sizeBytes,
            String uploadedBy, LocalDateTime uploadedAt) {
    }
}
