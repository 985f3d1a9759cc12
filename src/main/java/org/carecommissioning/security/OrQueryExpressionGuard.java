package org.carecommissioning.security;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes a published Camunda 7.24 CE vulnerability: an authenticated task (or filter) query whose
 * {@code orQueries} carry {@code *Expression} fields has those expressions evaluated, although expressions in
 * ad-hoc queries are disabled. Any request to the engine REST API (or the webapps' copy of it) whose JSON body
 * or parameters put an expression field inside {@code orQueries} is refused before the engine sees it.
 */
class OrQueryExpressionGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().startsWith("orQueries")) {
                for (String value : parameter.getValue()) {
                    if (value != null && value.contains("Expression")) {
                        refuse(response);
                        return;
                    }
                }
            }
        }
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        if (cached.body().length > 0 && carriesOrQueryExpression(cached.body())) {
            refuse(response);
            return;
        }
        chain.doFilter(cached, response);
    }

    static boolean carriesOrQueryExpression(byte[] body) {
        try {
            return scan(JSON.readTree(body), false);
        } catch (JsonProcessingException e) {
            return false; // not JSON: the REST API rejects it itself
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean scan(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (insideOrQueries && field.getKey().endsWith("Expression")) {
                    return true;
                }
                if (scan(field.getValue(), insideOrQueries || "orQueries".equals(field.getKey()))) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (scan(element, insideOrQueries)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":"
                + "\"Expressions are not allowed in orQueries of task or filter queries.\"}");
    }
}
