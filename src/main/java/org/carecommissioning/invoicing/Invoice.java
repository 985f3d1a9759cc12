package org.carecommissioning.invoicing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.carecommissioning.shared.FinancialQuarter;

/** A quarterly invoice to one commissioning organisation (R10, R11). */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invoice_number")
    private String invoiceNumber;

    @Column(name = "commissioning_organisation_id")
    private Long commissioningOrganisationId;

    @Column(name = "financial_year")
    private int financialYear;

    private int quarter;

    @Column(name = "period_start")
    private LocalDate periodStart;

    @Column(name = "period_end")
    private LocalDate periodEnd;

    @Column(name = "issue_date")
    private LocalDate issueDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "subtotal_pence")
    private long subtotalPence;

    @Column(name = "client_contributions_pence")
    private long clientContributionsPence;

    @Column(name = "late_fee_pence")
    private long lateFeePence;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("lineNumber")
    private List<InvoiceLine> lines = new ArrayList<>();

    @Version
    private int version;

    protected Invoice() {
    }

    Invoice(String invoiceNumber, Long commissioningOrganisationId, FinancialQuarter quarter, LocalDate issueDate,
            LocalDate dueDate) {
        this.invoiceNumber = invoiceNumber;
        this.commissioningOrganisationId = commissioningOrganisationId;
        this.financialYear = quarter.startYear();
        this.quarter = quarter.quarter();
        this.periodStart = quarter.firstDay();
        this.periodEnd = quarter.lastDay();
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.status = InvoiceStatus.ISSUED;
    }

    void addLine(Long sessionId, LocalDate sessionDate, String referralNumber, String description, int costPence,
            int clientContributionPence) {
        InvoiceLine line = new InvoiceLine(this, lines.size() + 1, sessionId, sessionDate, referralNumber,
                description, costPence, clientContributionPence);
        lines.add(line);
        subtotalPence += line.getAmountPence();
        clientContributionsPence += line.getClientContributionPence();
    }

    /** R11: one administration fee, however late. Returns whether a fee was added now. */
    boolean addLateFee(long feePence) {
        if (status == InvoiceStatus.PAID || lateFeePence > 0) {
            return false;
        }
        lateFeePence = feePence;
        return true;
    }

    void waiveLateFee() {
        lateFeePence = 0;
    }

    void markPaid() {
        status = InvoiceStatus.PAID;
    }

    public long totalDuePence() {
        return subtotalPence + lateFeePence;
    }

    public FinancialQuarter financialQuarter() {
        return new FinancialQuarter(financialYear, quarter);
    }

    public Long getId() {
        return id;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public Long getCommissioningOrganisationId() {
        return commissioningOrganisationId;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public long getSubtotalPence() {
        return subtotalPence;
    }

    public long getClientContributionsPence() {
        return clientContributionsPence;
    }

    public long getLateFeePence() {
        return lateFeePence;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public List<InvoiceLine> getLines() {
        return List.copyOf(lines);
    }
}
