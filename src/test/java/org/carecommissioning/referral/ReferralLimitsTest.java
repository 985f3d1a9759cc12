package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hole 5: each referral field has one declared limit that its form, its entity column and its check agree on. */
class ReferralLimitsTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("serviceUserName", ServiceUser.class, "fullName", ReferralLimits.SERVICE_USER_NAME),
                Arguments.of("membershipNumber", ServiceUser.class, "membershipNumber", ReferralLimits.MEMBERSHIP_NUMBER),
                Arguments.of("serviceUserEmail", ServiceUser.class, "email", ReferralLimits.EMAIL),
                Arguments.of("serviceUserPhone", ServiceUser.class, "phone", ReferralLimits.PHONE),
                Arguments.of("referralReason", Referral.class, "referralReason", ReferralLimits.REFERRAL_REASON),
                Arguments.of("declineReason", Referral.class, "declineReason", ReferralLimits.DECLINE_REASON),
                Arguments.of("evaluationComments", Referral.class, "evaluationComments",
                        ReferralLimits.EVALUATION_COMMENTS),
                Arguments.of("outcomeNotes", TreatmentSession.class, "outcomeNotes", ReferralLimits.OUTCOME_NOTES),
                Arguments.of("diaryEntry", TreatmentSession.class, "diaryEntry", ReferralLimits.DIARY_ENTRY));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("fields")
    @DisplayName("Hole 5: the form's maxLength and the entity's column length are the field's declared limit")
    void formColumnAndLimitAgree(String formKey, Class<?> entity, String property, int limit) throws Exception {
        assertThat(entity.getDeclaredField(property).getAnnotation(Column.class).length()).as("@Column(length) of "
                + entity.getSimpleName() + "." + property).isEqualTo(limit);
        List<JsonNode> inputs = inputsWithKey(formKey);
        assertThat(inputs).as("an editable form field " + formKey).isNotEmpty();
        for (JsonNode input : inputs) {
            assertThat(input.path("validate").path("maxLength").asInt(-1)).as("maxLength of " + formKey + " in "
                    + input.path("form").asText()).isEqualTo(limit);
        }
    }

    /** The form fields a person types into (not read-only displays of a value entered elsewhere). */
    private static List<JsonNode> inputsWithKey(String key) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                collect(json.readTree(form.toFile()), key, form.getFileName().toString(), found);
            }
        }
        return found;
    }

    private static void collect(JsonNode node, String key, String form, List<JsonNode> found) {
        for (JsonNode component : node.path("components")) {
            if (key.equals(component.path("key").asText()) && !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) component).put("form", form);
                found.add(component);
            }
            collect(component, key, form, found);
        }
    }
}
