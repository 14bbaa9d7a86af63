package cn.zhifa;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Page sessions live in PostgreSQL (Spring Session JDBC, issue 18) and travel as the {@code SESSION} cookie, while the
 * MockMvc tests carry a {@link MockHttpSession} from one request to the next ({@code .session(s)}). This bridge keeps
 * that idiom working against the real JDBC sessions: after each request the MockHttpSession remembers the cookie the
 * response set and mirrors the stored session (attributes, idle timeout); a request made with it sends the cookie.
 */
@TestConfiguration(proxyBeanMethods = false)
public class JdbcSessionBridge {

    static final String COOKIE = "SESSION";
    static final String REMEMBERED = JdbcSessionBridge.class.getName() + ".cookie";

    @Bean
    MockMvcBuilderCustomizer jdbcSessionBridge(SessionRepository<? extends Session> sessions) {
        return builder -> builder
                .defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
                    sendRemembered(request);
                    return request;
                }))
                .alwaysDo(result -> remember(result.getRequest(), result.getResponse(), sessions));
    }

    private static void sendRemembered(MockHttpServletRequest request) {
        if (!(request.getSession(false) instanceof MockHttpSession session)
                || !(session.getAttribute(REMEMBERED) instanceof String value)) {
            return;
        }
        List<Cookie> cookies = new ArrayList<>();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return;
                }
                cookies.add(cookie);
            }
        }
        cookies.add(new Cookie(COOKIE, value));
        request.setCookies(cookies.toArray(Cookie[]::new));
    }

    private static void remember(MockHttpServletRequest request, MockHttpServletResponse response,
                                 SessionRepository<? extends Session> sessions) {
        Cookie set = null;
        for (Cookie cookie : response.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                set = cookie;
            }
        }
        MockHttpSession existing = request.getSession(false) instanceof MockHttpSession s ? s : null;
        String value = set != null ? set.getValue()
                : existing != null && existing.getAttribute(REMEMBERED) instanceof String v ? v : null;
        if (set != null && (set.getMaxAge() == 0 || value.isEmpty())) {
            if (existing != null && !existing.isInvalid()) {
                existing.removeAttribute(REMEMBERED);
            }
            return;
        }
        if (value == null) {
            return;
        }
        MockHttpSession session = (MockHttpSession) request.getSession(true);
        if (session.isInvalid()) {
            return;
        }
        session.setAttribute(REMEMBERED, value);
        Session stored = sessions.findById(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
        if (stored == null) {
            return;
        }
        for (String name : Collections.list(session.getAttributeNames())) {
            if (!name.equals(REMEMBERED) && stored.getAttribute(name) == null) {
                session.removeAttribute(name);
            }
        }
        stored.getAttributeNames().forEach(name -> session.setAttribute(name, stored.getAttribute(name)));
        session.setMaxInactiveInterval((int) stored.getMaxInactiveInterval().toSeconds());
    }
}
