package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.PrintWriter;
import java.io.StringWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Closes the Camunda 7.24 CE loophole of the Admin webapp's initial-setup endpoint. */
@DisplayName("Security: the Admin initial-setup endpoint is closed")
class AdminSetupGuardTest {

    @Test
    @DisplayName("a request to the setup endpoint gets 403 and never reaches the webapp")
    void forbidden() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("POST");
        when(request.getRequestURI()).thenReturn("/camunda/api/admin/setup/default/user/create");
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter body = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        FilterChain chain = mock(FilterChain.class);

        new AdminSetupGuard().doFilter(request, response, chain);

        verify(response).setStatus(HttpServletResponse.SC_FORBIDDEN);
        verify(response).setContentType("application/json");
        verifyNoInteractions(chain);
        assertThat(body.toString()).isEqualTo("{\"type\":\"Forbidden\",\"message\":"
                + "\"Initial setup is disabled: the administrator is configured at start-up (ADMIN_USER, ADMIN_PASSWORD).\"}");
    }

    @Test
    @DisplayName("a GET is refused just the same")
    void getForbidden() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("GET");
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        FilterChain chain = mock(FilterChain.class);

        new AdminSetupGuard().doFilter(request, response, chain);

        verify(response).setStatus(403);
        verifyNoInteractions(chain);
    }
}
