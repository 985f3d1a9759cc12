package org.carecommissioning.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.referral.ReferralService;
import org.carecommissioning.referral.ReferralStatus;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FinancialQuarter;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.support.TestSmtp;
import org.carecommissioning.therapist.Therapist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A series of treatments with every kind of session outcome, invoiced for its quarter, paid late: R6-R11 on
 * the whole application.
 */
@ApplicationTest
class InvoicingLifecycleTest {

    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    InvoiceService invoices;
    @Autowired
    ReferralService referrals;
    @Autowired
    TestRestTemplate rest;

    World world;
    Therapist therapist;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        world = scenario.world(LocalDate.of(2026, 7, 1));
        therapist = scenario.therapistOn(world.partnership(), "Maya Test", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("R6 R7 R8 R9 R10 R11 a series with every session outcome is invoiced for its quarter, paid late with one £20 fee")
    void seriesInvoicedAndPaidLate() throws Exception {
        ProcessInstance referral = journeys.authorisedReferral(world, "Sam Series", 4, 5.50);
        journeys.session(referral, therapist, "2026-07-10T10:00", "attended", null);
        journeys.session(referral, therapist, "2026-07-17T10:00", "cancelled-by-client", "2026-07-16T09:00");
        journeys.session(referral, therapist, "2026-07-24T10:00", "cancelled-by-client", "2026-07-24T08:00");
        journeys.session(referral, therapist, "2026-07-31T10:00", "cancelled-by-provider", "2026-07-30T12:00");
        journeys.session(referral, therapist, "2026-08-07T10:00", "not-attended", null);
        journeys.session(referral, therapist, "2026-08-14T10:00", "attended", null);
        journeys.finalEvaluation(referral, "Task_CollectFinalEvaluation");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(referral.getId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_TreatmentPlanCompleted");
        assertThat(referrals.getByNumber(referral.getBusinessKey()).getStatus()).isEqualTo(ReferralStatus.COMPLETED);

        journeys.invoiceRun(2026, 2);
        String number = "INV-" + world.organisation().getCode() + "-2026Q2";
        Invoice invoice = invoices.get(number);
        // Given (£20 - £5.50) twice, late cancellation and no-show at full cost; the free ones are not listed.
        assertThat(invoice.getLines()).extracting(InvoiceLine::getAmountPence).containsExactly(1450, 2000, 2000, 1450);
        assertThat(invoice.getLines()).extracting(InvoiceLine::getDescription).containsExactly(
                "Treatment given", "Cancelled with less than 24 hours' notice (charged at full cost)",
                "Did not attend (charged at full cost)", "Treatment given");
        assertThat(invoice.getSubtotalPence()).isEqualTo(6900);
        assertThat(invoice.getClientContributionsPence()).isEqualTo(1100);
        assertThat(invoice.getIssueDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(invoice.getDueDate()).isEqualTo(LocalDate.of(2026, 12, 20));

        MimeMessage mail = onlyMailTo(world.organisation().getEmail());
        assertThat(mail.getSubject()).isEqualTo("Invoice " + number + " from ActiveLightWorks for 2026/27 Q2 (July-September 2026)");
        String pdfText = pdfText(attachment(mail));
        assertThat(pdfText).contains(number, referral.getBusinessKey(), "£69.00", "£11.00", "Sun 20 Dec 2026");

        ProcessInstance invoiceProcess = journeys.invoiceInstance(number);
        Task payment = taskService.createTaskQuery().processInstanceId(invoiceProcess.getId()).singleResult();
        assertThat(payment.getTaskDefinitionKey()).isEqualTo("Task_RecordPayment");
        // due by the end of 20 December (X1: 23:59:59, shown as 20 December): overdue from midnight, when the fee
        // is added
        assertThat(payment.getDueDate()).isEqualTo(Date.from(LocalDate.of(2026, 12, 20)
                .atTime(23, 59, 59).atZone(ZoneId.of("Europe/London")).toInstant()));

        // R11: still unpaid when the due date has passed
        Scenario.now(LocalDateTime.of(2026, 12, 21, 0, 30));
        scenario.executeDueJobs(invoiceProcess.getId());
        assertThat(invoices.get(number).getLateFeePence()).isEqualTo(2000);
        assertThat(onlyMailTo(world.organisation().getEmail(), 2).getSubject())
                .isEqualTo("Payment overdue: invoice " + number + " - administration fee added");
        Scenario.now(LocalDateTime.of(2027, 2, 1, 9, 0));
        assertThat(scenario.executeDueJobs(invoiceProcess.getId())).isZero();
        assertThat(invoices.get(number).getLateFeePence()).as("exactly one fee, however late").isEqualTo(2000);

        assertThatThrownBy(() -> scenario.complete(Journeys.FINANCE, invoiceProcess, "Task_RecordPayment",
                Map.of("amountPaidPounds", 69.00, "paidOn", "2027-01-30")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("is for £89.00");
        scenario.complete(Journeys.FINANCE, invoiceProcess, "Task_RecordPayment",
                Map.of("amountPaidPounds", 89.00, "paidOn", "2027-01-30", "paymentReference", "BACS 123"));
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(invoiceProcess.getId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_InvoicePaid");
    }

    @Test
    @DisplayName("R11 a payment on an already-paid invoice is refused over the API and nothing more is recorded")
    void paymentOnPaidInvoice() {
        ProcessInstance referral = journeys.authorisedReferral(world, "Pat Paid", 1, 0);
        journeys.session(referral, therapist, "2026-09-01T11:00", "attended", null);
        journeys.invoiceRun(2026, 2);
        String number = "INV-" + world.organisation().getCode() + "-2026Q2";
        ProcessInstance invoiceProcess = journeys.invoiceInstance(number);

        ResponseEntity<Map> paid = rest.withBasicAuth(Journeys.FINANCE, Journeys.FINANCE).postForEntity(
                "/api/invoices/{n}/payment", Map.of("amountPounds", "20.00", "paidOn", "2026-11-22"), Map.class, number);
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(invoiceProcess.getId()).count())
                .as("the API payment closes the invoice process").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(invoiceProcess.getId())
                .activityId("EndEvent_InvoicePaidElsewhere").count()).isEqualTo(1);

        ResponseEntity<Map> again = rest.withBasicAuth(Journeys.FINANCE, Journeys.FINANCE).postForEntity(
                "/api/invoices/{n}/payment", Map.of("amountPounds", "20.00", "paidOn", "2026-11-22"), Map.class, number);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody().get("message").toString()).contains("has already been paid (on Sun 22 Nov 2026)");
    }

    @Test
    @DisplayName("R11 a payment made by the due date owes no fee even when recorded after the fee was added")
    void paidOnTimeRecordedLate() {
        ProcessInstance referral = journeys.authorisedReferral(world, "Una Ontime", 1, 2.5);
        journeys.session(referral, therapist, "2026-08-01T11:00", "attended", null);
        journeys.invoiceRun(2026, 2);
        String number = "INV-" + world.organisation().getCode() + "-2026Q2";
        ProcessInstance invoiceProcess = journeys.invoiceInstance(number);
        Scenario.now(LocalDateTime.of(2026, 12, 22, 9, 0));
        scenario.executeDueJobs(invoiceProcess.getId());
        assertThat(invoices.get(number).getLateFeePence()).isEqualTo(2000);

        scenario.complete(Journeys.FINANCE, invoiceProcess, "Task_RecordPayment",
                Map.of("amountPaidPounds", 17.50, "paidOn", "2026-12-20"));
        assertThat(invoices.get(number).getLateFeePence()).isZero();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    @DisplayName("R10 a quarter cannot be invoiced before it has ended, and a re-run raises nothing twice")
    void quarterMustHaveEnded() {
        ProcessInstance referral = journeys.authorisedReferral(world, "Quinn Quarter", 1, 0);
        journeys.session(referral, therapist, "2026-09-30T15:00", "attended", null);
        assertThatThrownBy(() -> journeys.invoiceRun(2026, 3))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("ends on Thu 31 Dec 2026; it can be invoiced from Fri 1 Jan 2027");
        assertThat(invoices.raiseQuarterlyInvoices(new FinancialQuarter(2026, 2))).contains(
                "INV-" + world.organisation().getCode() + "-2026Q2");
        assertThat(invoices.raiseQuarterlyInvoices(new FinancialQuarter(2026, 2))).isEmpty();
    }

    @Test
    @DisplayName("R10 the invoice PDF is downloadable by finance and the billed organisation only")
    void pdfDownloadIsAuthorised() throws IOException {
        ProcessInstance referral = journeys.authorisedReferral(world, "Dana Download", 1, 0);
        journeys.session(referral, therapist, "2026-09-02T11:00", "attended", null);
        journeys.invoiceRun(2026, 2);
        String number = "INV-" + world.organisation().getCode() + "-2026Q2";
        World other = scenario.world(LocalDate.of(2026, 7, 1));
        scenario.user("pdf-therapist", "therapist");

        ResponseEntity<byte[]> asFinance = rest.withBasicAuth(Journeys.FINANCE, Journeys.FINANCE)
                .getForEntity("/api/invoices/{n}/pdf", byte[].class, number);
        assertThat(asFinance.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdfText(asFinance.getBody())).contains(number, "£20.00");
        assertThat(rest.withBasicAuth(world.commissioner(), world.commissioner())
                .getForEntity("/api/invoices/{n}/pdf", byte[].class, number).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(other.commissioner(), other.commissioner())
                .getForEntity("/api/invoices/{n}/pdf", String.class, number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("pdf-therapist", "pdf-therapist")
                .getForEntity("/api/invoices/{n}/pdf", String.class, number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/invoices/{n}/pdf", String.class, number).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private MimeMessage onlyMailTo(String address) throws MessagingException {
        return onlyMailTo(address, 1);
    }

    /** The n-th (1-based, and last) mail to this address. */
    private MimeMessage onlyMailTo(String address, int expectedCount) throws MessagingException {
        List<MimeMessage> to = new java.util.ArrayList<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                to.add(message);
            }
        }
        assertThat(to).hasSize(expectedCount);
        return to.get(expectedCount - 1);
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("No PDF attached to " + mail.getSubject() + ": " + GreenMailUtil.getBody(mail));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
