package cn.zhifa;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL (embedded, or the one SPRING_DATASOURCE_URL names) with
 * the demo city loaded, a real server on a random port, MockMvc (page sessions in PostgreSQL, see
 * {@link JdbcSessionBridge}), and a movable {@link TestClock}.
 * Every integration test uses exactly this, so they all share one application context. After each test the
 * documents issued after its submissions are waited for ({@link EventPublications.Settled}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestClock.Configuration.class, JdbcSessionBridge.class})
@ExtendWith(EventPublications.Settled.class)
public @interface ZhifaIntegrationTest {
}
