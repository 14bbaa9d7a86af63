package cn.zhifa.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.zhifa.TestClock;
import cn.zhifa.shared.db.ReadReplica;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The router of the statistics reads: a replica that cannot give a connection is replaced by the primary for the
 * retry interval and then tried again; the warning about it is logged once a minute, not once a request; an error of
 * the query itself is not hidden by asking the primary.
 */
class StatisticsReadsTests {

    private final TestClock clock = new TestClock();
    private final Unreachable replicaSource = new Unreachable();
    private final JdbcClient primary = JdbcClient.create(new Unreachable());
    private final StatisticsReads reads = new StatisticsReads(primary, ReadReplica.of(replicaSource), clock,
            Duration.ofSeconds(30), Duration.ofSeconds(5));
    private final List<JdbcClient> asked = new ArrayList<>();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StatisticsReads.class);

    @BeforeEach
    void listen() {
        clock.setTo(Instant.parse("2026-03-02T06:00:00Z"));
        warnings.start();
        logger.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(warnings);
    }

    /** The primary's answer without a database; anything else runs a real query (and fails on the unreachable replica). */
    private String figures() {
        return reads.query(db -> {
            asked.add(db);
            return db == primary ? "primary" : db.sql("SELECT 'replica'").query(String.class).single();
        });
    }

    private long warningsLogged() {
        return warnings.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    @Test
    void an_unreachable_replica_is_replaced_by_the_primary_for_the_retry_interval_then_tried_again() {
        assertThat(figures()).isEqualTo("primary");
        assertThat(asked).hasSize(2).last().isSameAs(primary);
        assertThat(replicaSource.attempts.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(29));
        assertThat(figures()).isEqualTo("primary");
        assertThat(replicaSource.attempts.get()).as("not asked again within the retry interval").isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(figures()).isEqualTo("primary");
        assertThat(replicaSource.attempts.get()).as("tried again after it").isEqualTo(2);
    }

    @Test
    void the_fallback_is_logged_once_a_minute_however_many_requests_fall_back() {
        for (int i = 0; i < 5; i++) {
            figures();
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(replicaSource.attempts.get()).isEqualTo(5);
        assertThat(warningsLogged()).as("failures at 0, 31, 62, 93, 124 s warn at 0, 62 and 124 s").isEqualTo(3);
        assertThat(warnings.list.get(0).getFormattedMessage()).contains("read replica", "primary", "Connection refused");
    }

    @Test
    void an_error_of_the_query_itself_is_not_hidden_by_asking_the_primary() {
        assertThatThrownBy(() -> reads.query(db -> {
            asked.add(db);
            if (db != primary) {
                throw new BadSqlGrammarException("figures", "SELECT nonsense", new SQLException("syntax error", "42601"));
            }
            return "primary";
        })).isInstanceOf(BadSqlGrammarException.class);
        assertThat(asked).doesNotContain(primary);
        assertThat(warningsLogged()).isZero();
    }

    @Test
    void without_a_replica_everything_reads_the_primary_and_no_freshness_is_shown() {
        StatisticsReads primaryOnly = new StatisticsReads(primary, ReadReplica.none(), clock, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        boolean primaryAsked = primaryOnly.query(db -> db == primary);
        assertThat(primaryAsked).isTrue();
        assertThat(primaryOnly.figuresAsOf()).isEmpty();
    }

    /** A data source whose server is not there: every connection attempt is refused (SQLState 08001). */
    private static final class Unreachable extends AbstractDataSource {

        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            throw new SQLException("Connection refused", "08001");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
