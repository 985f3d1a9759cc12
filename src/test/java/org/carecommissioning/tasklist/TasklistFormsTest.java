package org.carecommissioning.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the Camunda Forms tell a caseworker. The form-js 1.8 bundled with the 7.24 Tasklist has fixed English
 * messages ("Field must have maximum value of 20.") and no custom ones, so each limited number says its limit in
 * its description and the server's sentence does the refusing.
 */
@DisplayName("Tasklist 3 and 4: what the forms say")
class TasklistFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Variables the logic reads as ISO dates; a read-only field shows their readable "...Text" copy instead. */
    private static final Set<String> ISO_DATE_VARIABLES = Set.of("partnershipEndDate", "meetingDate",
            "nextMeetingDue", "deadlineDate", "deadline", "paymentDueDate", "appointmentAt", "resubmitBy");

    @Test
    @DisplayName("Tasklist 3: every limited number says its limit first, in the caseworker's terms")
    void limitsAreSaid() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Field field : fields()) {
            JsonNode validate = field.node.path("validate");
            if (!field.node.path("type").asText().equals("number")
                    || !(validate.has("min") || validate.has("max"))) {
                continue;
            }
            String description = field.node.path("description").asText();
            String firstSentence = description.split("[.:](\\s|$)", 2)[0];
            for (String bound : List.of("min", "max")) {
                if (validate.has(bound)) {
                    assertThat(firstSentence).as("%s: the limit (%s) comes first", field, bound)
                            .contains(plain(validate.get(bound)));
                }
            }
            checked.add(field.toString());
        }
        assertThat(checked).contains("referral-authorisation/clientContributionPounds",
                "referral-authorisation/treatmentsAuthorised", "pi-return/spi1", "record-payment/amountPaidPounds");
    }

    @Test
    @DisplayName("Tasklist 3: R9 the contribution reads 'The client pays between £0 and £20'")
    void contribution() throws IOException {
        Field contribution = field("referral-authorisation", "clientContributionPounds");
        assertThat(contribution.node.path("description").asText()).startsWith("The client pays between £0 and £20");
    }

    @Test
    @DisplayName("Tasklist 3: R2 the required 'Reason for declining' is hidden while the eligibility box is ticked")
    void declineReasonHiddenWhileEligible() throws IOException {
        Field reason = field("referral-authorisation", "declineReason");
        assertThat(reason.node.path("validate").path("required").asBoolean()).isTrue();
        assertThat(reason.node.path("conditional").path("hide").asText()).isEqualTo("=eligibilityConfirmed = true");
        for (String plan : List.of("treatmentsAuthorised", "clientContributionPounds")) {
            assertThat(field("referral-authorisation", plan).node.path("conditional").path("hide").asText())
                    .as(plan).isEqualTo("=eligibilityConfirmed != true");
        }
    }

    @Test
    @DisplayName("Tasklist 3: a required field that applies only in some cases is hidden in the others")
    void requiredOnlyWhenRelevant() throws IOException {
        for (Field field : fields()) {
            boolean required = field.node.path("validate").path("required").asBoolean();
            String description = field.node.path("description").asText();
            if (required && description.matches("(?s).*\\b[Rr]equired (when|if)\\b.*")) {
                assertThat(field.node.path("conditional").path("hide").asText())
                        .as("%s is required only sometimes, so it is hidden otherwise", field).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("Tasklist 4: no read-only field shows an ISO date; each shows a readable copy the process sets")
    void readOnlyDatesAreReadable() throws IOException {
        String sources = sources();
        List<String> readable = new ArrayList<>();
        for (Field field : fields()) {
            if (!field.node.path("disabled").asBoolean()) {
                continue;
            }
            String key = field.node.path("key").asText();
            assertThat(ISO_DATE_VARIABLES).as("%s shows an ISO date variable", field).doesNotContain(key);
            if (key.endsWith("Text")) {
                assertThat(sources).as("%s is set by the application", key).contains("\"" + key + "\"");
                readable.add(field.toString());
            }
        }
        assertThat(readable).contains("appointment-booking/partnershipEndDateText", "session-outcome/appointmentAtText",
                "cmm-agenda/meetingDateText", "pi-return/deadlineDateText", "record-payment/paymentDueDateText",
                "cmm-next-meeting/nextMeetingDueText", "partnership-review/partnershipEndDateText");
    }

    private static String plain(JsonNode number) {
        return new BigDecimal(number.asText()).stripTrailingZeros().toPlainString();
    }

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private static Field field(String form, String key) throws IOException {
        return fields().stream().filter(f -> f.form.equals(form) && key.equals(f.node.path("key").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no field " + key + " in " + form));
    }

    private static List<Field> fields() throws IOException {
        List<Field> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Paths.get("forms"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                String form = file.getFileName().toString().replace(".form", "");
                collect(form, JSON.readTree(file.toFile()).path("components"), out);
            }
        }
        return out;
    }

    private static void collect(String form, JsonNode components, List<Field> out) {
        for (JsonNode component : components) {
            out.add(new Field(form, component));
            collect(form, component.path("components"), out);
        }
    }

    private record Field(String form, JsonNode node) {
        @Override
        public String toString() {
            return form + "/" + node.path("key").asText(node.path("id").asText());
        }
    }
}
