package org.carecommissioning.invoicing;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The commissioning organisation's payment of an invoice (R11). */
@Entity
@Table(name = "payment")
public class Payment {

    /** The payment reference's one declared limit: its column (V1) and the check in InvoiceService. */
    static final int REFERENCE_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Column(name = "amount_pence")
    private long amountPence;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(length = REFERENCE_LENGTH)
    private String reference;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected Payment() {
    }

    Payment(Long invoiceId, long amountPence, LocalDate paidOn, String reference, String recordedBy,
            LocalDateTime recordedAt) {
        this.invoiceId = invoiceId;
        this.amountPence = amountPence;
        this.paidOn = paidOn;
        this.reference = reference;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public long getAmountPence() {
        return amountPence;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getReference() {
        return reference;
    }
}
