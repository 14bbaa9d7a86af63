package cn.zhifa.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

class SessionReadOnceTest {

    /** A session store that counts its reads and hands out copies, as a database does. */
    static final class Store implements FindByIndexNameSessionRepository<Session> {
        final Map<String, MapSession> rows = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Session createSession() {
            return new MapSession();
        }

        @Override
        public void save(Session session) {
            rows.remove(((MapSession) session).getOriginalId());
            rows.put(session.getId(), new MapSession(session));
        }

        @Override
        public Session findById(String id) {
            reads.incrementAndGet();
            MapSession row = rows.get(id);
            return row == null ? null : new MapSession(row);
        }

        @Override
        public void deleteById(String id) {
            rows.remove(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    final Store store = new Store();
    final SessionReadOnce.ReadOnce sessions = new SessionReadOnce.ReadOnce(store, () -> { });

    private void inOneRequest(FilterChain chain) throws Exception {
        new SessionReadOnce().sessionReadOnceScope().getFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
    }

    private String stored() {
        MapSession session = new MapSession();
        store.rows.put(session.getId(), session);
        return session.getId();
    }

    @Test
    void the_read_after_saving_within_a_request_is_answered_from_the_session_just_saved() throws Exception {
        String id = stored();
        inOneRequest((request, response) -> {
            Session session = sessions.findById(id);
            sessions.save(session);
            assertThat(sessions.findById(id)).isSameAs(session);
        });
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void outside_a_request_and_in_the_next_request_the_store_is_read_again() throws Exception {
        String id = stored();
        inOneRequest((request, response) -> sessions.save(sessions.findById(id)));
        inOneRequest((request, response) -> sessions.findById(id));
        sessions.findById(id);
        assertThat(store.reads).hasValue(3);
    }

    @Test
    void a_session_whose_id_changed_or_that_was_deleted_is_read_from_the_store_as_the_table_would_answer() throws Exception {
        String login = stored();
        String logout = stored();
        inOneRequest((request, response) -> {
            Session session = sessions.findById(login);
            session.changeSessionId(); // a login: session fixation protection
            sessions.save(session);
            assertThat(sessions.findById(login)).as("the old id is gone").isNull();

            sessions.findById(logout);
            sessions.deleteById(logout);
            assertThat(sessions.findById(logout)).as("the session ended").isNull();
        });
        assertThat(store.reads).hasValue(4);
    }
}
