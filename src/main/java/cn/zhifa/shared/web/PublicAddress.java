package cn.zhifa.shared.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address every printed or sent link starts with (document verification links and QR codes, hazard self-report
 * links, public pages): the setting {@code zhifa.public-base-url} ({@code ZHIFA_PUBLIC_BASE_URL}). When it is not set,
 * the address the issuing user reached the platform at (behind a proxy: its X-Forwarded-Host/-Proto/-Port, honoured
 * with {@code server.forward-headers-strategy: framework}); outside a request, this machine's name and port. ADMIN is
 * warned while the setting is missing: a link built from one user's address may not be reachable for the public.
 */
@Component
public class PublicAddress {

    /** The address a request reached, for work it left to run after it was answered (see {@link #reachedAt}). */
    private static final ThreadLocal<String> REACHED_AT = new ThreadLocal<>();

    private final String configured;
    private final Environment environment;

    PublicAddress(@Value("${zhifa.public-base-url:}") String configured, Environment environment) {
        this.configured = configured == null || configured.isBlank() ? null : withoutTrailingSlash(configured.strip());
        this.environment = environment;
    }

    /** True when the public address is set (no warning needed). */
    public boolean isConfigured() {
        return configured != null;
    }

    /** The address links start with, without a trailing slash, e.g. {@code https://zhifa.example.gov.cn}. */
    public String baseUrl() {
        if (configured != null) {
            return configured;
        }
        if (REACHED_AT.get() != null) {
            return REACHED_AT.get();
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return withoutTrailingSlash(ServletUriComponentsBuilder.fromContextPath(servlet.getRequest()).build().toUriString());
        }
        return "http://" + hostName() + ":" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "80"));
    }

    /**
     * Runs {@code work} (outside any request, e.g. a listener issuing documents after the submission was answered) with
     * the links built as in the request that asked for it: {@code baseUrl} is that request's {@link #baseUrl()}
     * (null: as outside a request). The configured address still comes first.
     */
    public static void reachedAt(String baseUrl, Runnable work) {
        String previous = REACHED_AT.get();
        REACHED_AT.set(baseUrl);
        try {
            work.run();
        } finally {
            REACHED_AT.set(previous);
        }
    }

    /** A path of this platform as an address others can open: {@code /verify/abc} → {@code https://…/verify/abc}. */
    public String link(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress().getHostName();
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
