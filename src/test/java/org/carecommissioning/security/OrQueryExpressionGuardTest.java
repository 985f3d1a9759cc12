package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Closes the Camunda 7.24 CE loophole: expressions inside orQueries of task and filter queries. */
@DisplayName("Security: expressions in orQueries are refused")
class OrQueryExpressionGuardTest {

    private static final String REFUSAL = "{\"type\":\"InvalidRequestException\",\"message\":"
            + "\"Expressions are not allowed in orQueries of task or filter queries.\"}";

    private static boolean carries(String json) {
        return OrQueryExpressionGuard.carriesOrQueryExpression(json.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("carriesOrQueryExpression")
    class Detection {

        @Test
        @DisplayName("an expression field inside a task query's orQueries is found")
        void taskQuery() {
            assertThat(carries("{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}")).isTrue();
        }

        @Test
        @DisplayName("an expression field inside orQueries nested in a filter body is found")
        void filterBody() {
            assertThat(carries("{\"query\":{\"orQueries\":[{\"candidateGroupsExpression\":\"${y}\"}]}}")).isTrue();
            assertThat(carries("{\"resourceType\":\"Task\",\"name\":\"Mine\",\"owner\":null,"
                    + "\"query\":{\"assignee\":\"demo\",\"orQueries\":[{\"assignee\":\"demo\"},"
                    + "{\"dueAfterExpression\":\"${now()}\"}]},\"properties\":{}}")).isTrue();
        }

        @Test
        @DisplayName("an expression field after harmless ones in the same or-query is found")
        void laterField() {
            assertThat(carries("{\"orQueries\":[{\"assignee\":\"demo\",\"candidateUser\":\"demo\","
                    + "\"candidateUserExpression\":\"${currentUser()}\"}]}")).isTrue();
        }

        @Test
        @DisplayName("a field name spelt with a JSON unicode escape is still found")
        void unicodeEscape() {
            assertThat(carries("{\"orQueries\":[{\"assignee\\u0045xpression\":\"${x}\"}]}")).isTrue();
        }

        @Test
        @DisplayName("a top-level expression field outside orQueries is left to the engine (it refuses those)")
        void topLevelExpression() {
            assertThat(carries("{\"assigneeExpression\":\"${x}\"}")).isFalse();
            assertThat(carries("{\"assigneeExpression\":\"${x}\",\"orQueries\":[{\"assignee\":\"demo\"}]}")).isFalse();
        }

        @Test
        @DisplayName("plain orQueries without expressions pass")
        void plainOrQueries() {
            assertThat(carries("{\"orQueries\":[{\"assignee\":\"demo\"}]}")).isFalse();
            assertThat(carries("{\"orQueries\":[{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\","
                    + "\"value\":\"assigneeExpression\"}]}]}")).isFalse();
            assertThat(carries("{\"orQueries\":[]}")).isFalse();
            assertThat(carries("[]")).isFalse();
            assertThat(carries("{}")).isFalse();
        }

        @ParameterizedTest(name = "body \"{0}\"")
        @ValueSource(strings = {"{not json", "orQueries=assigneeExpression", ""})
        @DisplayName("a body that is not JSON is left to the REST API, which rejects it itself")
        void invalidJson(String body) {
            assertThat(carries(body)).isFalse();
        }
    }

    @Nested
    @DisplayName("the filter")
    class Filter {

        private final OrQueryExpressionGuard guard = new OrQueryExpressionGuard();
        private final MockHttpServletResponse response = new MockHttpServletResponse();
        private final MockFilterChain chain = new MockFilterChain();

        private MockHttpServletRequest json(String method, String body) {
            MockHttpServletRequest request = new MockHttpServletRequest(method, "/engine-rest/task");
            request.setContentType("application/json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
            return request;
        }

        @Test
        @DisplayName("a POST with an expression in orQueries gets 400 and never reaches the engine")
        void postWithExpressionRefused() throws Exception {
            guard.doFilter(json("POST", "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}"), response, chain);

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/json");
            assertThat(response.getContentAsString()).isEqualTo(REFUSAL);
            assertThat(chain.getRequest()).as("chain called").isNull();
        }

        @Test
        @DisplayName("a PUT of a filter with an expression in its query's orQueries gets 400")
        void putFilterRefused() throws Exception {
            guard.doFilter(json("PUT", "{\"resourceType\":\"Task\",\"name\":\"x\","
                    + "\"query\":{\"orQueries\":[{\"candidateGroupsExpression\":\"${y}\"}]}}"), response, chain);

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(chain.getRequest()).isNull();
        }

        @Test
        @DisplayName("a clean POST passes and the engine reads the identical body")
        void cleanPostPasses() throws Exception {
            String body = "{\"orQueries\":[{\"assignee\":\"demo\"}],\"name\":\"Caf\u00e9 \u00a3\"}";
            guard.doFilter(json("POST", body), response, chain);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).isEmpty();
            assertThat(chain.getRequest()).isNotNull();
            byte[] seen = chain.getRequest().getInputStream().readAllBytes();
            assertThat(seen).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            // read a second time, as a reader, by a downstream that prefers characters
            assertThat(chain.getRequest().getReader().readLine()).isEqualTo(body);
        }

        @Test
        @DisplayName("a POST with an empty body passes")
        void emptyPostPasses() throws Exception {
            guard.doFilter(json("POST", ""), response, chain);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(chain.getRequest()).isNotNull();
            assertThat(chain.getRequest().getInputStream().readAllBytes()).isEmpty();
        }

        @Test
        @DisplayName("a GET with an orQueries parameter carrying an expression gets 400")
        void getWithExpressionParameterRefused() throws Exception {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
            request.addParameter("orQueries", "[{\"assigneeExpression\":\"${x}\"}]");

            guard.doFilter(request, response, chain);

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentAsString()).isEqualTo(REFUSAL);
            assertThat(chain.getRequest()).isNull();
        }

        @Test
        @DisplayName("a GET with a plain orQueries parameter, or other parameters, passes untouched")
        void getWithoutExpressionPasses() throws Exception {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
            request.addParameter("orQueries", "[{\"assignee\":\"demo\"}]");
            request.addParameter("assignee", "demo");

            guard.doFilter(request, response, chain);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(chain.getRequest()).isSameAs(request);
        }
    }
}
