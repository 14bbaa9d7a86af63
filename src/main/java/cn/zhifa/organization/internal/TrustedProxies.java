package cn.zhifa.organization.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.http.CookieProcessor;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.ServerCookies;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Behind a reverse proxy (server.forward-headers-strategy=framework): the client address, scheme and host come
 * from the X-Forwarded-* / Forwarded headers only when the connection comes from a configured trusted proxy
 * ({@code zhifa.security.trusted-proxies}); anyone else's such headers are dropped, so a client cannot pick the
 * address the login throttle counts. A request that reached the proxy over TLS gets Secure cookies (the session
 * cookie too) and, from Spring Security, HSTS.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    /** Request attribute telling the cookie processor that the client's connection is TLS. */
    static final String SECURE = TrustedProxies.class.getName() + ".secure";

    /** Replaces Boot's own ForwardedHeaderFilter (which believes every client) with one that believes the proxies only. */
    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaderFilter(AuthenticationSettings settings) {
        FilterRegistrationBean<ForwardedHeaderFilter> registration =
                new FilterRegistrationBean<>(new TrustedForwardedHeaderFilter(settings.trustedProxies()));
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
                jakarta.servlet.DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat writes every cookie, the session cookie included, with Secure when the client's connection is TLS. */
    @Bean
    TomcatContextCustomizer secureCookiesBehindTls() {
        return context -> context.setCookieProcessor(new SecureWhenTls(context.getCookieProcessor()));
    }

    static final class TrustedForwardedHeaderFilter extends ForwardedHeaderFilter {

        private final List<IpAddressMatcher> proxies;

        TrustedForwardedHeaderFilter(List<String> cidrs) {
            this.proxies = cidrs.stream().map(String::strip).filter(c -> !c.isEmpty()).map(IpAddressMatcher::new).toList();
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            FilterChain markingSecure = (req, res) -> {
                if (req.isSecure()) {
                    req.setAttribute(SECURE, Boolean.TRUE);
                }
                chain.doFilter(req, res);
            };
            if (trusted(request.getRemoteAddr())) {
                if (super.shouldNotFilter(request)) {
                    markingSecure.doFilter(request, response);
                } else {
                    super.doFilterInternal(request, response, markingSecure);
                }
            } else {
                markingSecure.doFilter(new WithoutForwardedHeaders(request), response);
            }
        }

        private boolean trusted(String address) {
            return address != null && proxies.stream().anyMatch(proxy -> {
                try {
                    return proxy.matches(address);
                } catch (IllegalArgumentException notAnAddress) {
                    return false;
                }
            });
        }
    }

    /** Hides the forwarding headers a client that is not a trusted proxy sent. */
    static final class WithoutForwardedHeaders extends HttpServletRequestWrapper {

        WithoutForwardedHeaders(HttpServletRequest request) {
            super(request);
        }

        private static boolean forwarding(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.equals("forwarded") || lower.startsWith("x-forwarded-");
        }

        @Override
        public String getHeader(String name) {
            return forwarding(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return forwarding(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !forwarding(n)).toList());
        }
    }

    /** Delegates to Tomcat's (or Boot's SameSite) cookie processor, adding Secure for TLS clients. */
    record SecureWhenTls(CookieProcessor delegate) implements CookieProcessor {

        @Override
        public void parseCookieHeader(MimeHeaders headers, ServerCookies serverCookies) {
            delegate.parseCookieHeader(headers, serverCookies);
        }

        @Override
        public String generateHeader(Cookie cookie, HttpServletRequest request) {
            if (request != null && (request.isSecure() || Boolean.TRUE.equals(request.getAttribute(SECURE)))) {
                cookie.setSecure(true);
            }
            return delegate.generateHeader(cookie, request);
        }

        @Override
        public Charset getCharset() {
            return delegate.getCharset();
        }
    }
}
