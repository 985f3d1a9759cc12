package org.carecommissioning.security;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every place a password is entered: HTTP Basic on the engine REST API and the application's API, and
 * the webapps' log-in form. A request from an address that must wait (see {@link LoginThrottle}) and that presents
 * a password is answered 429 before the password is checked. Every other request runs with its client address
 * known to the engine's password check ({@link ThrottledIdentityProvider}), which counts what it actually checked:
 * a request without credentials, or one that never reaches a password check, counts for nothing.
 * <p>
 * The address is the connection's ({@code getRemoteAddr}): X-Forwarded-For is not trusted, since anyone can set
 * it. Behind a reverse proxy, configure the proxy's address as trusted (server.forward-headers-strategy) so the
 * container itself replaces the remote address.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/[^/]+/auth/user/[^/]+/login/[^/]+/?");

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = LoginThrottle.key(request.getRemoteAddr());
        if (presentsPassword(request)) {
            Duration wait = throttle.waitFor(address);
            if (!wait.isZero()) {
                refuse(response, wait);
                return;
            }
        }
        try {
            throttle.from(address, () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private static boolean presentsPassword(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
    }

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String when = seconds < 60 ? seconds + (seconds == 1 ? " second" : " seconds")
                : ((seconds + 59) / 60) + (seconds <= 60 ? " minute" : " minutes");
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"Too many failed log-ins from your"
                + " network address. Try again in " + when + ", or ask an administrator to unlock your account.\"}");
    }
}
