package org.carecommissioning.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carecommissioning.architecture.ModelFiles.files;
import static org.carecommissioning.architecture.ModelFiles.matches;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carecommissioning.contractmanagement.ComplianceChecklist;
import org.carecommissioning.performance.Indicator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every field a model's form submits is a variable the process reads: named in the model (a gateway condition, an
 * expression) or read by the application's code, whose typed variables classes name each variable once as a
 * string constant. A field nobody reads is input the caseworker types and the system silently drops.
 *
 * <p>Two families of names are built from a list rather than written out, and are expanded here from the same list:
 * the compliance checklist's fields (clause code + answer, C3/C4) and the PI return's indicators (PI4).
 */
class FormVariablesTest {

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([\\w-]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9]*)\"");
    /** Fields shown to the reader but never submitted. */
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "group", "spacer", "separator", "image", "html");

    @Test
    @DisplayName("every form field a process's forms submit is a variable that process or its code reads")
    void everySubmittedFieldIsRead() throws IOException {
        Set<String> namesInCode = namesInCode();
        List<String> unread = new ArrayList<>();
        for (Path model : files("processes", ".bpmn")) {
            String bpmn = Files.readString(model);
            String expressions = FORM_REF.matcher(bpmn).replaceAll("");
            for (String form : matches(FORM_REF, bpmn)) {
                for (String key : submittedKeys(Path.of("forms", form + ".form"))) {
                    boolean inModel = Pattern.compile("\\b" + key + "\\b").matcher(expressions).find();
                    if (!inModel && !namesInCode.contains(key)) {
                        unread.add(model.getFileName() + " / " + form + ".form / " + key);
                    }
                }
            }
        }
        assertThat(unread).as("form fields no process reads").isEmpty();
    }

    @Test
    @DisplayName("the check sees a field that nothing reads")
    void theCheckFindsAnUnreadField() throws IOException {
        assertThat(namesInCode()).contains("returnReference", "qafInternalDisruption", "kpi1")
                .doesNotContain("aFieldNobodyReads");
    }

    /** The string literals of src/main/java, plus the names the code builds from the checklist and indicators. */
    private static Set<String> namesInCode() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path source : files("src/main/java", ".java")) {
            names.addAll(matches(STRING_LITERAL, Files.readString(source)));
        }
        Set<String> suffixes = names.stream().filter(n -> Character.isUpperCase(n.charAt(0))).collect(
                Collectors.toSet());
        for (ComplianceChecklist.Clause clause : ComplianceChecklist.CLAUSES) {
            suffixes.forEach(suffix -> names.add(clause.code() + suffix));
        }
        for (Indicator indicator : Indicator.values()) {
            names.add(indicator.name().toLowerCase());
        }
        return names;
    }

    private static List<String> submittedKeys(Path form) throws IOException {
        List<String> keys = new ArrayList<>();
        collect(new ObjectMapper().readTree(form.toFile()), keys);
        return keys;
    }

    private static void collect(JsonNode node, List<String> keys) {
        for (JsonNode component : node.path("components")) {
            boolean submitted = component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
                    && !DISPLAY_ONLY.contains(component.path("type").asText());
            if (submitted) {
                keys.add(component.get("key").asText());
            }
            collect(component, keys);
        }
    }
}
