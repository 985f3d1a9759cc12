package org.carecommissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("X2 plain-text mail templates")
class MailTemplatesTest {

    /** A value for every placeholder any template uses. */
    private static final Map<String, Object> COMPLETE = Map.ofEntries(
            Map.entry("serviceUserName", "Alex Example"),
            Map.entry("appointmentAt", "Wed 25 Nov 2026, 10:00"),
            Map.entry("therapistName", "Sam Therapist"),
            Map.entry("referralNumber", "REF-2026-0007"),
            Map.entry("durationMinutes", 60),
            Map.entry("sessionNumber", 2),
            Map.entry("treatmentsAuthorised", 6),
            Map.entry("invoiceNumber", "INV-HOPE-2026Q3"),
            Map.entry("providerName", "ActiveLightWorks"),
            Map.entry("quarterLabel", "2026/27 Q3 (October-December 2026)"),
            Map.entry("organisationName", "Hope Community Group"),
            Map.entry("amountDue", "£34.50"),
            Map.entry("dueDate", "Fri 29 Jan 2027"),
            Map.entry("lateFee", "£20.00"),
            Map.entry("partnershipReference", "P-HOPE-1"),
            Map.entry("partnershipEndDate", "Thu 31 Dec 2026"),
            Map.entry("treatments", 6),
            Map.entry("planType", "series"),
            Map.entry("serviceUserContact", "07700 900123"),
            Map.entry("clientContribution", "£5.50"),
            Map.entry("serviceName", "Haven floating support"),
            Map.entry("serviceCode", "SP101"),
            Map.entry("meetingDate", "Mon 11 Jan 2027"),
            Map.entry("meetingReference", "CMM-SP101-20270111"),
            Map.entry("purchasingOfficer", "po-jones"),
            Map.entry("escalatedClauses", "- Staff training plan in place and delivered"),
            Map.entry("agenda", "1. Updates on service information"),
            Map.entry("month", "January 2027"),
            Map.entry("planned", 4),
            Map.entry("completed", 3),
            Map.entry("percentage", 75),
            Map.entry("meetings", "CMM-SP101-20270111 held Mon 11 Jan 2027"),
            Map.entry("year", 2027),
            Map.entry("serviceCount", 12),
            Map.entry("returnReference", "PI-SP101-2026Q3"),
            Map.entry("reportingYear", "2026/27"),
            Map.entry("quarter", 3),
            Map.entry("deadline", "Thu 28 Jan 2027"),
            Map.entry("request", "Please explain the low utilisation."),
            Map.entry("resubmitBy", "Thu 11 Feb 2027"),
            Map.entry("lateCount", 2),
            Map.entry("feedbackSummary", "1 survey answer(s) from providers"),
            Map.entry("redCount", 2),
            Map.entry("cancellation", "by us. We are sorry for the inconvenience"),
            Map.entry("consultationReference", "SUC-SP101-2026"),
            Map.entry("consultationMethod", "small group"),
            Map.entry("concernReference", "SUC-SP101-2026-E1"),
            Map.entry("sampleSize", 5),
            Map.entry("closingDate", "Mon 1 Feb 2027"),
            Map.entry("earliestMeetingDate", "Tue 2 Feb 2027"),
            Map.entry("noticeGiven", "at least one month's notice"),
            Map.entry("participantsWanted", "5 service users"),
            Map.entry("reportHeadline", "Users value the key workers."),
            Map.entry("nextStep", "We will contact you to arrange a new time and e-mail you the new appointment."),
            Map.entry("qafReference", "QAF-SP101-2026-1"),
            Map.entry("financialYear", "2026/27"),
            Map.entry("qafVariant", "full QAF"),
            Map.entry("targetGrade", "C"),
            Map.entry("visitDate", "Tue 12 Jan 2027"),
            Map.entry("agreedGrades", "- C1.1 Needs and risk assessment: B (you claimed B)"),
            Map.entry("qafIssuedCount", 14),
            Map.entry("qafOnTimeCount", 11),
            Map.entry("qafVisitCount", 4),
            Map.entry("qafDGradeCount", 1),
            Map.entry("respondBy", "Mon 1 Feb 2027"),
            Map.entry("finalDecisionNote", "The visit confirmed the grades."),
            Map.entry("providerConcerns", "- C1.3 Security, health and safety: the fire drill log was missed."),
            Map.entry("improvementFindings", "The fire risk assessment is still out of date."),
            Map.entry("recipientName", "Core Strategy Group"),
            Map.entry("consultationCount", 2),
            Map.entry("participantCount", 38),
            Map.entry("complaintCount", 3),
            Map.entry("safeguardingCount", 1),
            Map.entry("openCount", 4),
            Map.entry("scheduleSections", "\nService-user consultations 2027/28 (U1):\n  - SP101 Haven: due\n"));

    private static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("consultation-quarterly-summary",
                    "Service-user feedback for 2026/27 Q3 (October-December 2026): 2 consultation(s) reported"),
            Map.entry("consultation-questionnaires",
                    "SUC-SP101-2026: service-user questionnaires for Haven floating support, closing Mon 1 Feb 2027"),
            Map.entry("consultation-meeting", "SUC-SP101-2026: please arrange the small group for Haven floating support"),
            Map.entry("consultation-report", "SUC-SP101-2026: service users' views of Haven floating support"),
            Map.entry("consultation-safeguarding",
                    "Safeguarding concern SUC-SP101-2026-E1 from SUC-SP101-2026: act by Fri 29 Jan 2027"),
            Map.entry("appointment-booked", "Appointment booked: Alex Example on Wed 25 Nov 2026, 10:00"),
            Map.entry("invoice-issued",
                    "Invoice INV-HOPE-2026Q3 from ActiveLightWorks for 2026/27 Q3 (October-December 2026)"),
            Map.entry("partnership-review-due", "Partnership P-HOPE-1 ends on Thu 31 Dec 2026: review due"),
            Map.entry("payment-reminder", "Payment overdue: invoice INV-HOPE-2026Q3 - administration fee added"),
            Map.entry("referral-authorised", "Treatments authorised for referral REF-2026-0007"),
            Map.entry("cmm-set-up-letter", "Contract management meeting for Haven floating support on Mon 11 Jan 2027"),
            Map.entry("cmm-risk-escalation", "Core Strategy Group: risk raised to High for Haven floating support"),
            Map.entry("cmm-agenda", "Agenda: contract management meeting CMM-SP101-20270111 on Mon 11 Jan 2027"),
            Map.entry("cmm-feedback-request", "Your feedback on the contract management meeting CMM-SP101-20270111"),
            Map.entry("cmm-monthly-report", "Contract management meetings in January 2027: 75% to schedule"),
            Map.entry("cmm-annual-schedule", "Contract management meeting schedule for 2027"),
            Map.entry("pi-return-request",
                    "PI return PI-SP101-2026Q3: Haven floating support, 2026/27 quarter 3, due Thu 28 Jan 2027"),
            Map.entry("pi-return-request-to-provider", "PI return PI-SP101-2026Q3 needs more from you"),
            Map.entry("pi-return-reminder", "Reminder: PI return PI-SP101-2026Q3 was due on Thu 28 Jan 2027"),
            Map.entry("pi-return-late", "Late PI return: PI-SP101-2026Q3 from ActiveLightWorks"),
            Map.entry("pi-quarterly-reports", "PI reports for 2026/27 quarter 3: 2 late return(s)"),
            Map.entry("qaf-issued", "QAF-SP101-2026-1: Haven floating support, 2026/27 self-assessment due Fri 29 Jan 2027"),
            Map.entry("qaf-more-evidence", "QAF-SP101-2026-1 needs more evidence from you"),
            Map.entry("qaf-reminder", "Reminder: QAF-SP101-2026-1 was due on Fri 29 Jan 2027"),
            Map.entry("qaf-new-deadline", "QAF-SP101-2026-1: now due on Fri 29 Jan 2027"),
            Map.entry("qaf-visit-date", "QAF-SP101-2026-1: validation visit on Tue 12 Jan 2027"),
            Map.entry("qaf-agreed-grades", "QAF-SP101-2026-1: agreed grades for Haven floating support"),
            Map.entry("qaf-report", "QAF report for 2026/27: 14 QAF(s) issued, 1 D grade(s)"),
            Map.entry("qaf-reconsidered-grades", "QAF-SP101-2026-1: reconsidered grades for Haven floating support"),
            Map.entry("qaf-final-decision", "QAF-SP101-2026-1: final grades for Haven floating support"),
            Map.entry("qaf-csg-concerns", "QAF-SP101-2026-1: provider's concerns about its QAF grades"),
            Map.entry("qaf-csg-no-improvement", "QAF-SP101-2026-1: no improvement after a D grade"),
            Map.entry("client-appointment-booked", "Your appointment on Wed 25 Nov 2026, 10:00"),
            Map.entry("client-appointment-cancelled", "Your appointment on Wed 25 Nov 2026, 10:00 is cancelled"));

    static Stream<String> templates() throws IOException, URISyntaxException {
        URL folder = MailTemplatesTest.class.getClassLoader().getResource("templates/mail");
        assertThat(folder).as("templates/mail on the classpath").isNotNull();
        try (Stream<Path> files = Files.list(Paths.get(folder.toURI()))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - ".txt".length()))
                    .sorted()
                    .toList();
            assertThat(names).as("every template has an expected subject in this test")
                    .containsExactlyInAnyOrderElementsOf(SUBJECTS.keySet());
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    @DisplayName("X2 every template renders its subject and body from a complete model, leaving no placeholder")
    void rendersCompletely(String template) {
        MailTemplates.Rendered mail = MailTemplates.render(template, COMPLETE);
        assertThat(mail.subject()).isEqualTo(SUBJECTS.get(template));
        assertThat(mail.subject()).doesNotContain("${").doesNotContain("Subject:").doesNotContain("\n");
        assertThat(mail.body()).doesNotContain("${").doesNotStartWith("\n").doesNotStartWith(" ");
        assertThat(mail.body()).startsWith("Dear ");
    }

    @Test
    @DisplayName("R11 the invoice letter carries amount, due date and the late fee")
    void invoiceIssuedBody() {
        String body = MailTemplates.render("invoice-issued", COMPLETE).body();
        assertThat(body).startsWith("Dear Hope Community Group,\n");
        assertThat(body).contains("  Amount due:  £34.50\n");
        assertThat(body).contains("  Due by:      Fri 29 Jan 2027\n");
        assertThat(body).contains("administration fee of\n£20.00 (rule R11).");
        assertThat(body).contains("invoice INV-HOPE-2026Q3 for the complementary therapy treatments");
        assertThat(body.strip()).endsWith("ActiveLightWorks");
    }

    @Test
    @DisplayName("R5 the appointment letter names the session and its length")
    void appointmentBookedBody() {
        String body = MailTemplates.render("appointment-booked", COMPLETE).body();
        assertThat(body).contains("  Client:      Alex Example (referral REF-2026-0007)\n");
        assertThat(body).contains("  Length:      60 minutes including consultation (rule R5)\n");
        assertThat(body).contains("  Session:     2 of 6\n");
    }

    @Test
    @DisplayName("Tasklist 7: the client's booking letter gives the time, the therapist and the 24 hours' notice")
    void clientBookingBody() {
        String body = MailTemplates.render("client-appointment-booked", COMPLETE).body();
        assertThat(body).startsWith("Dear Alex Example,\n");
        assertThat(body).contains("  Date/time:   Wed 25 Nov 2026, 10:00\n", "  Therapist:   Sam Therapist\n",
                "  Session:     2 of 6\n", "at least 24 hours before");
    }

    @Test
    @DisplayName("Tasklist 7: the client's cancellation letter says who cancelled and what happens next")
    void clientCancellationBody() {
        String body = MailTemplates.render("client-appointment-cancelled", COMPLETE).body();
        assertThat(body).contains("has been cancelled by us. We are sorry for the inconvenience.\n")
                .contains("We will contact you to arrange a new time");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    @DisplayName("X2 leaving out any one value throws instead of sending a letter with a gap")
    void everyPlaceholderIsRequired(String template) {
        MailTemplates.Rendered complete = MailTemplates.render(template, COMPLETE);
        int required = 0;
        for (String key : COMPLETE.keySet()) {
            Map<String, Object> model = new HashMap<>(COMPLETE);
            model.remove(key);
            if (usesPlaceholder(template, key)) {
                required++;
                assertThatThrownBy(() -> MailTemplates.render(template, model))
                        .as("%s without %s", template, key)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("Mail template " + template + " needs a value for " + key);
            } else {
                assertThat(MailTemplates.render(template, model)).as("%s does not use %s", template, key)
                        .isEqualTo(complete);
            }
        }
        assertThat(required).as("placeholders in %s", template).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("X2 a missing value throws, naming the template and the placeholder")
    void missingValue() {
        Map<String, Object> model = new HashMap<>(COMPLETE);
        model.remove("dueDate");
        assertThatThrownBy(() -> MailTemplates.render("invoice-issued", model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mail template invoice-issued needs a value for dueDate");
    }

    @Test
    @DisplayName("X2 a missing value in the subject line throws too")
    void missingSubjectValue() {
        Map<String, Object> model = new HashMap<>(COMPLETE);
        model.remove("partnershipReference");
        assertThatThrownBy(() -> MailTemplates.render("partnership-review-due", model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mail template partnership-review-due needs a value for partnershipReference");
    }

    @Test
    @DisplayName("X2 values are inserted literally: $, \\ and ${...} in a value are not interpreted")
    void valuesAreLiteral() {
        Map<String, Object> model = new HashMap<>(COMPLETE);
        model.put("organisationName", "A$1 \\ Co ${providerName}");
        String body = MailTemplates.render("partnership-review-due", model).body();
        assertThat(body).startsWith("Dear A$1 \\ Co ${providerName},\n");
    }

    @Test
    @DisplayName("X2 an unknown template is an error")
    void unknownTemplate() {
        assertThatThrownBy(() -> MailTemplates.render("no-such-letter", COMPLETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No mail template templates/mail/no-such-letter.txt");
    }

    private static boolean usesPlaceholder(String template, String key) {
        try (var in = MailTemplatesTest.class.getClassLoader()
                .getResourceAsStream("templates/mail/" + template + ".txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("${" + key + "}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
