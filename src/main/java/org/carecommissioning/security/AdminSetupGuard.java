package org.carecommissioning.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes a published Camunda 7.24 CE vulnerability: the Admin webapp's initial-setup endpoint creates an
 * administrator whenever the camunda-admin group has no direct member, even when administrators exist through
 * authorizations. This application always creates its administrator from configuration at start-up, so the
 * setup endpoint has no legitimate use and is closed outright.
 */
class AdminSetupGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"Forbidden\",\"message\":"
                + "\"Initial setup is disabled: the administrator is configured at start-up (ADMIN_USER, ADMIN_PASSWORD).\"}");
    }
}
