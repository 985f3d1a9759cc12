package org.carecommissioning.invoicing;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.camunda.bpm.engine.RuntimeService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices over the authenticated API: the PDF for finance and for the billed organisation's own staff, and
 * recording a payment (finance only), which also closes the invoice's process.
 */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    static final String PAID_MESSAGE = "InvoicePaid";

    private final InvoiceService invoices;
    private final InvoicePdf pdf;
    private final Caller caller;
    private final RuntimeService runtimeService;
    private final SystemAuthority system;

    InvoiceController(InvoiceService invoices, InvoicePdf pdf, Caller caller,
            RuntimeService runtimeService, SystemAuthority system) {
        this.invoices = invoices;
        this.pdf = pdf;
        this.caller = caller;
        this.runtimeService = runtimeService;
        this.system = system;
    }

    @GetMapping(value = "/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        Organisation billed = invoices.billedOrganisation(number);
        if (!caller.isAnyOf(Roles.FINANCE, Roles.ADMIN, billed.getGroupId())) {
            throw new AccessDenied("Only finance and " + billed.getName() + " can see invoice " + number + ".");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + ".pdf\"")
                .body(pdf.render(invoices.get(number), billed));
    }

    @PostMapping("/{number}/payment")
    @Transactional
    ResponseEntity<Map<String, Object>> recordPayment(@PathVariable String number,
            @Valid @RequestBody PaymentRequest request) {
        caller.requireAnyOf("Only finance can record payments.", Roles.FINANCE, Roles.ADMIN);
        Payment payment = invoices.recordPayment(number,
                Money.poundsToPence(request.amountPounds(), "The amount paid"), request.paidOn(),
                request.reference(), caller.userId());
        system.run(() -> runtimeService.createMessageCorrelation(PAID_MESSAGE)
                .processInstanceBusinessKey(number)
                .correlateAll());
        return ResponseEntity.ok(Map.of("invoiceNumber", number, "amountPaid", Money.format(payment.getAmountPence()),
                "paidOn", payment.getPaidOn().toString()));
    }

    record PaymentRequest(
            @NotNull(message = "Give the amount paid in pounds, for example 36.00.")
            @DecimalMin(value = "0.01", message = "The amount paid must be more than zero.") java.math.BigDecimal amountPounds,
            @NotNull(message = "Give the date the payment was received.") LocalDate paidOn,
            String reference) {
    }
}
