package org.carecommissioning.invoicing;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One chargeable session on an invoice (R10), with the client's contribution recorded beside it (R9). */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    @Column(name = "line_number")
    private int lineNumber;

    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "session_date")
    private LocalDate sessionDate;

    @Column(name = "referral_number")
    private String referralNumber;

    private String description;

    @Column(name = "treatment_cost_pence")
    private int treatmentCostPence;

    @Column(name = "client_contribution_pence")
    private int clientContributionPence;

    @Column(name = "amount_pence")
    private int amountPence;

    protected InvoiceLine() {
    }

    /** The line names the referral, never the client: finance keeps it for years, after a client's erasure too. */
    InvoiceLine(Invoice invoice, int lineNumber, Long sessionId, LocalDate sessionDate, String referralNumber,
            String description, int treatmentCostPence, int clientContributionPence) {
        this.invoice = invoice;
        this.lineNumber = lineNumber;
        this.sessionId = sessionId;
        this.sessionDate = sessionDate;
        this.referralNumber = referralNumber;
        this.description = description;
        this.treatmentCostPence = treatmentCostPence;
        this.clientContributionPence = clientContributionPence;
        this.amountPence = treatmentCostPence - clientContributionPence;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public LocalDate getSessionDate() {
        return sessionDate;
    }

    public String getReferralNumber() {
        return referralNumber;
    }

    public String getDescription() {
        return description;
    }

    public int getTreatmentCostPence() {
        return treatmentCostPence;
    }

    public int getClientContributionPence() {
        return clientContributionPence;
    }

    public int getAmountPence() {
        return amountPence;
    }
}
