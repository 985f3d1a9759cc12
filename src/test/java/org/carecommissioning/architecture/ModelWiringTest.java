package org.carecommissioning.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carecommissioning.architecture.ModelFiles.files;
import static org.carecommissioning.architecture.ModelFiles.matches;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carecommissioning.support.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The models and the code agree: every delegate a BPMN model names is a Spring bean, every form it references is
 * deployed under that id, every decision it calls exists, and every element has a searchable id and a name.
 */
@ApplicationTest
class ModelWiringTest {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    /** A bean's method called from an expression, such as a timer date ${deadlineTimer.at(execution)}. */
    private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{(?!execution\\.|task\\.)(\\w+)\\.\\w+\\(");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([\\w-]+)\"");
    private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([\\w-]+)\"");
    private static final Pattern DECISION_ID = Pattern.compile("<decision id=\"([\\w-]+)\"");
    private static final Pattern ELEMENT_START = Pattern.compile("<[A-Za-z]");
    private static final Pattern GENERATED_ID = Pattern.compile("id=\"(Activity|Gateway|Event|Flow|StartEvent|EndEvent)_[0-9a-z]{7}\"");
    private static final Pattern NAMELESS_NODE = Pattern.compile(
            "<bpmn:(userTask|serviceTask|businessRuleTask|callActivity|exclusiveGateway|startEvent|endEvent|"
                    + "intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|subProcess) id=\"[^\"]+\"(?! name=)");

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("every delegate, form and decision a process names exists")
    void modelsReferOnlyToWhatExists() throws IOException {
        String bpmn = all("processes", ".bpmn");
        Set<String> forms = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Path form : files("forms", ".form")) {
            JsonNode node = json.readTree(form.toFile());
            String expected = form.getFileName().toString().replace(".form", "");
            assertThat(node.path("id").asText()).as(form.toString()).isEqualTo(expected);
            forms.add(expected);
        }
        Set<String> decisions = matches(DECISION_ID, all("dmn", ".dmn"));

        for (String delegate : matches(DELEGATE, bpmn)) {
            assertThat(context.containsBean(delegate)).as("bean " + delegate).isTrue();
        }
        assertThat(matches(BEAN_CALL, bpmn)).as("beans called from expressions").contains("deadlineTimer")
                .allSatisfy(bean -> assertThat(context.containsBean(bean)).as("bean " + bean).isTrue());
        assertThat(forms).containsAll(matches(FORM_REF, bpmn));
        assertThat(decisions).containsAll(matches(DECISION_REF, bpmn));
    }

    @Test
    @DisplayName("every BPMN element has a readable name, a searchable id and the process a history time to live")
    void modelsAreReadable() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            String model = Files.readString(file);
            assertThat(GENERATED_ID.matcher(model).find()).as("generated id in " + file).isFalse();
            Matcher nameless = NAMELESS_NODE.matcher(model);
            assertThat(nameless.find()).as("element without a name in " + file + ": "
                    + (nameless.find(0) ? nameless.group() : "")).isFalse();
            assertThat(model).as(file.toString()).contains("camunda:historyTimeToLive=").contains("<bpmndi:BPMNDiagram");
        }
    }

    @Test
    @DisplayName("every model is saved in the layout Camunda Modeler writes: one element per line, two-space indents")
    void modelsAreInModelerLayout() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher starts = ELEMENT_START.matcher(line);
                int elements = 0;
                while (starts.find()) {
                    elements++;
                }
                assertThat(elements).as(file + " line " + (i + 1) + " holds more than one element").isLessThanOrEqualTo(1);
                assertThat(line.length() - line.stripLeading().length()).as(file + " line " + (i + 1) + " indent")
                        .isEven();
            }
        }
    }

    private static String all(String folder, String extension) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : files(folder, extension)) {
            text.append(Files.readString(file));
        }
        return text.toString();
    }
}
