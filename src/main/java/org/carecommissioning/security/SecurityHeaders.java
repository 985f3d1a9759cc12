package org.carecommissioning.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every API answer (the webapps set their own through Camunda's header-security settings): no
 * caching of answers that may hold personal data, no content sniffing, no referrer leaking a case reference
 * to another site; and, behind TLS ({@code care.http.hsts}), Strict-Transport-Security on secure requests.
 */
class SecurityHeaders extends OncePerRequestFilter {

    static final String HSTS = "max-age=31536000";

    private final boolean hsts;

    SecurityHeaders(boolean hsts) {
        this.hsts = hsts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (hsts && request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, new NoStore(response));
    }

    /** The REST layers set their own Cache-Control ("no-cache"); an answer that may hold personal data stays no-store. */
    private static final class NoStore extends HttpServletResponseWrapper {

        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!isCaching(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!isCaching(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!"Expires".equalsIgnoreCase(name)) {
                super.setDateHeader(name, date);
            }
        }

        private static boolean isCaching(String name) {
            return "Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name);
        }
    }
}
