package cn.zhifa.organization.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The page session is read from PostgreSQL once per request, not twice. Spring Session's filter reads it when the
 * request first asks, and again after saving it at the end: {@code commitSession} clears its cached copy before the save
 * and then asks for the requested session id, which reads the session anew only to compare ids (spring-session issues
 * 1731 and 2131; neither {@code FlushMode} nor {@code SaveMode} touches reads). Here the repository answers that second
 * question, within the same request on the same thread, with the session it read and saved itself — as the table would:
 * a session whose id changed (login) or that was deleted (logout) is not answered from memory but read again. Nothing is
 * kept beyond the request (the scope is a filter just outside Spring Session's), so a session changed or ended on another
 * node (logout everywhere, idle timeout) is seen by the next request.
 */
@Configuration(proxyBeanMethods = false)
class SessionReadOnce {

    private static final ThreadLocal<Map<String, Session>> READ = new ThreadLocal<>();

    /** Opens the request's memory just outside Spring Session's filter and drops it when the request leaves. */
    @Bean
    FilterRegistrationBean<Filter> sessionReadOnceScope() {
        Filter scope = (request, response, chain) -> {
            if (READ.get() != null) {
                chain.doFilter(request, response);
                return;
            }
            READ.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            } finally {
                READ.remove();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(scope);
        registration.setName("sessionReadOnceScope");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
                DispatcherType.FORWARD, DispatcherType.INCLUDE);
        return registration;
    }

    @Bean
    static BeanPostProcessor sessionReadOnceRepository() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc
                        ? new ReadOnce((FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbc, jdbc)
                        : bean;
            }
        };
    }

    /** The JDBC repository, answering a request's repeated read of its own session from what it read and saved. */
    static final class ReadOnce implements FindByIndexNameSessionRepository<Session>, DisposableBean {

        private final FindByIndexNameSessionRepository<Session> sessions;
        private final DisposableBean lifecycle;

        ReadOnce(FindByIndexNameSessionRepository<Session> sessions, DisposableBean lifecycle) {
            this.sessions = sessions;
            this.lifecycle = lifecycle;
        }

        @Override
        public Session createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(Session session) {
            sessions.save(session);
            Map<String, Session> read = READ.get();
            if (read != null) {
                read.put(session.getId(), session);
            }
        }

        @Override
        public Session findById(String id) {
            Map<String, Session> read = READ.get();
            if (read == null) {
                return sessions.findById(id);
            }
            Session known = read.get(id);
            if (known != null && known.getId().equals(id) && !known.isExpired()) {
                return known;
            }
            Session found = sessions.findById(id);
            if (found == null) {
                read.remove(id);
            } else {
                read.put(id, found);
            }
            return found;
        }

        @Override
        public void deleteById(String id) {
            Map<String, Session> read = READ.get();
            if (read != null) {
                read.remove(id);
            }
            sessions.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
        }

        @Override
        public void destroy() throws Exception {
            lifecycle.destroy();
        }
    }
}
