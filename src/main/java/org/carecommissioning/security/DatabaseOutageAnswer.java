package org.carecommissioning.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carecommissioning.shared.ErrorCauses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away, the first thing a request does that needs it is checking the caller's password (the
 * authentication filters of every API), outside the error translations of the APIs themselves; the exception left
 * the filter chain and the container answered a bare 500. Here, in front of authentication, such an exception becomes
 * the same answer the APIs give: 503, {@code Retry-After} and a plain sentence. Anything else passes on unchanged.
 */
class DatabaseOutageAnswer extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageAnswer.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!ErrorCauses.isDatabaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("The database is not reachable: {}", e.getMessage());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", String.valueOf(ErrorCauses.RETRY_AFTER_SECONDS));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"ServiceUnavailable\",\"message\":\"" + ErrorCauses.DATABASE_AWAY
                    + "\"}");
        }
    }
}
