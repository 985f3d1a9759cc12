package org.carecommissioning.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.referral.ReferralProperties;
import org.carecommissioning.referral.TreatmentSessionService;
import org.carecommissioning.referral.TreatmentSessionService.ChargeableSession;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FinancialQuarter;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.NotFound;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quarterly invoices, the late-payment fee and payments (R9-R11). */
@Service
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final TreatmentSessionService sessions;
    private final OrganisationService organisations;
    private final InvoicingProperties properties;
    private final ReferralProperties referral;
    private final Clock clock;

    InvoiceService(InvoiceRepository invoices, PaymentRepository payments, TreatmentSessionService sessions,
            OrganisationService organisations, InvoicingProperties properties, ReferralProperties referral,
            Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.sessions = sessions;
        this.organisations = organisations;
        this.properties = properties;
        this.referral = referral;
        this.clock = clock;
    }

    /**
     * R10: once a financial quarter has ended, raises one invoice per commissioning organisation listing every
     * chargeable session up to the quarter's end that no invoice has listed yet (so a session recorded late is
     * never lost: it goes on the next invoice). Running again for the same quarter raises nothing twice.
     *
     * @return the numbers of the invoices raised now
     */
    @Transactional
    public List<String> raiseQuarterlyInvoices(FinancialQuarter quarter) {
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(quarter.lastDay())) {
            throw new BusinessRuleViolation("R10", "Quarter " + quarter.label() + " ends on "
                    + DisplayDates.date(quarter.lastDay()) + "; it can be invoiced from "
                    + DisplayDates.date(quarter.lastDay().plusDays(1)) + ".");
        }
        Map<Long, List<ChargeableSession>> byOrganisation = new LinkedHashMap<>();
        for (ChargeableSession session : sessions.chargeableNotInvoicedBefore(quarter.lastDay().plusDays(1).atStartOfDay())) {
            byOrganisation.computeIfAbsent(session.commissioningOrganisationId(), id -> new ArrayList<>()).add(session);
        }
        List<String> raised = new ArrayList<>();
        byOrganisation.forEach((organisationId, chargeable) -> {
            if (invoices.existsByCommissioningOrganisationIdAndFinancialYearAndQuarter(
                    organisationId, quarter.startYear(), quarter.quarter())) {
                return; // already invoiced for this quarter; these sessions go on the next quarter's invoice
            }
            raised.add(raise(organisations.get(organisationId), quarter, chargeable, today).getInvoiceNumber());
        });
        return raised;
    }

    private Invoice raise(Organisation organisation, FinancialQuarter quarter, List<ChargeableSession> chargeable,
            LocalDate today) {
        String number = "INV-" + organisation.getCode() + "-" + quarter.code();
        Invoice invoice = new Invoice(number, organisation.getId(), quarter, today,
                today.plusDays(properties.paymentTermsDays()));
        int cost = referral.treatmentCostPence();
        for (ChargeableSession session : chargeable) {
            if (session.given()) {
                // R9: the commissioning organisation pays the £20 less the client's agreed contribution.
                invoice.addLine(session.sessionId(), session.startsAt().toLocalDate(), session.referralNumber(),
                        "Treatment given", cost, session.clientContributionPence());
            } else {
                // R6: a late cancellation or non-attendance is charged at full cost to the organisation.
                invoice.addLine(session.sessionId(), session.startsAt().toLocalDate(), session.referralNumber(),
                        describeCharged(session), cost, 0);
            }
        }
        Invoice saved = invoices.save(invoice);
        sessions.markInvoiced(chargeable.stream().map(ChargeableSession::sessionId).toList(), saved.getId());
        return saved;
    }

    private static String describeCharged(ChargeableSession session) {
        return switch (session.status()) {
            case NOT_ATTENDED -> "Did not attend (charged at full cost)";
            default -> "Cancelled with less than 24 hours' notice (charged at full cost)";
        };
    }

    /** R11: an invoice unpaid after 4 weeks gets one £20 administration fee. Returns whether it was added now. */
    @Transactional
    public boolean applyLateFee(String invoiceNumber) {
        Invoice invoice = get(invoiceNumber);
        if (!ProcessDates.isLate(invoice.getDueDate(), LocalDate.now(clock))) {
            throw new IllegalStateException("Invoice " + invoiceNumber + " is not overdue until after "
                    + invoice.getDueDate());
        }
        return invoice.addLateFee(properties.lateFeePence());
    }

    /**
     * R11: records the commissioning organisation's payment. A payment made by the due date owes no late fee,
     * even if the fee was added before the payment was recorded; the amount must match what is owed.
     */
    @Transactional
    public Payment recordPayment(String invoiceNumber, long amountPence, LocalDate paidOn, String reference,
            String userId) {
        Invoice invoice = get(invoiceNumber);
        if (invoice.getStatus() == InvoiceStatus.PAID) {
            LocalDate when = payments.findByInvoiceId(invoice.getId()).map(Payment::getPaidOn).orElse(null);
            throw new BusinessRuleViolation("R11", "Invoice " + invoiceNumber + " has already been paid"
                    + (when == null ? "" : " (on " + DisplayDates.date(when) + ")") + "; nothing more is owed.");
        }
        FormValues.limited(reference, Payment.REFERENCE_LENGTH, "R11", "The payment reference");
        if (paidOn == null) {
            throw new BusinessRuleViolation("R11", "Give the date the payment was received.");
        }
        if (paidOn.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("R11", "The payment date " + DisplayDates.date(paidOn) + " is in the future.");
        }
        if (paidOn.isBefore(invoice.getIssueDate())) {
            throw new BusinessRuleViolation("R11", "The payment date " + DisplayDates.date(paidOn)
                    + " is before the invoice was issued on " + DisplayDates.date(invoice.getIssueDate()) + ".");
        }
        if (!ProcessDates.isLate(invoice.getDueDate(), paidOn) && invoice.getLateFeePence() > 0) {
            invoice.waiveLateFee();
        }
        if (amountPence != invoice.totalDuePence()) {
            throw new BusinessRuleViolation("R11", "Invoice " + invoiceNumber + " is for "
                    + Money.format(invoice.totalDuePence()) + "; the payment of " + Money.format(amountPence)
                    + " does not match. Record the full amount received.");
        }
        invoice.markPaid();
        return payments.save(new Payment(invoice.getId(), amountPence, paidOn, reference, userId,
                java.time.LocalDateTime.now(clock)));
    }

    @Transactional(readOnly = true)
    public Invoice get(String invoiceNumber) {
        return invoices.findByInvoiceNumber(invoiceNumber)
                .orElseThrow(() -> new NotFound("No invoice numbered " + invoiceNumber + "."));
    }

    @Transactional(readOnly = true)
    public Organisation billedOrganisation(String invoiceNumber) {
        return organisations.get(get(invoiceNumber).getCommissioningOrganisationId());
    }
}
