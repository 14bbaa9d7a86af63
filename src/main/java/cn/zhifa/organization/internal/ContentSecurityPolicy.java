package cn.zhifa.organization.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A nonce-based Content-Security-Policy for the pages: scripts and styles only from the platform itself or
 * carrying this response's nonce (templates write it as {@code th:nonce="${cspNonce}"}); no 'unsafe-inline',
 * no 'unsafe-eval', no framing, forms only to the platform.
 */
final class ContentSecurityPolicy extends OncePerRequestFilter implements HeaderWriter {

    /** The request attribute (and template variable) holding this response's nonce. */
    static final String NONCE = "cspNonce";

    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(NONCE) == null) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            request.setAttribute(NONCE, Base64.getEncoder().encodeToString(bytes));
        }
        chain.doFilter(request, response);
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        Object nonce = request.getAttribute(NONCE);
        if (nonce == null || response.containsHeader("Content-Security-Policy")) {
            return;
        }
        response.setHeader("Content-Security-Policy", policy(nonce.toString()));
    }

    static String policy(String nonce) {
        return "default-src 'self'; img-src 'self' data: blob:; "
                + "style-src 'self' 'nonce-" + nonce + "'; script-src 'self' 'nonce-" + nonce + "'; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
    }
}
