package org.carecommissioning.consultation;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** U1: a financial year in which a contracted service is in the procurement review. */
@Entity
@Table(name = "service_review_year")
public class ServiceReviewYear {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_id")
    private Long serviceId;

    @Column(name = "financial_year")
    private String financialYear;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected ServiceReviewYear() {
    }

    ServiceReviewYear(Long serviceId, String financialYear, String recordedBy, LocalDateTime at) {
        this.serviceId = serviceId;
        this.financialYear = financialYear;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    public Long getServiceId() {
        return serviceId;
    }

    public String getFinancialYear() {
        return financialYear;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public LocalDateTime getRecordedAt() {
        return recordedAt;
    }
}
