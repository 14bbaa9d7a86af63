package cn.zhifa.reporting.internal;

import cn.zhifa.shared.db.ReadReplica;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where reporting's figure queries run: on the read replica when one is configured ({@link ReadReplica}), else on the
 * primary. Only reads go through here; the read models' writes (events, rebuilds) stay on the primary. When the
 * replica cannot answer (unreachable, a connection lost, a query cancelled by replay) the query runs again on the
 * primary, and the primary answers for {@code retryAfter} before the replica is tried again; a warning is logged at
 * most once a minute however many requests fall back.
 */
@Component
public class StatisticsReads {

    private static final Logger log = LoggerFactory.getLogger(StatisticsReads.class);
    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final JdbcClient primary;
    private final JdbcClient replica;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration freshnessCache;
    private volatile Instant primaryUntil = Instant.MIN;
    private Instant lastWarning = Instant.MIN;
    private volatile Freshness freshness;

    @Autowired
    StatisticsReads(JdbcClient primary, ReadReplica replica, ReadReplica.Settings settings, Clock clock) {
        this(primary, replica, clock, settings.retryAfter(), settings.freshnessCache());
    }

    StatisticsReads(JdbcClient primary, ReadReplica replica, Clock clock, Duration retryAfter, Duration freshnessCache) {
        this.primary = primary;
        this.replica = replica.dataSource().map(JdbcClient::create).orElse(null);
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.freshnessCache = freshnessCache;
    }

    /**
     * Runs {@code query} on the replica, or on the primary when there is none or it cannot answer. The query may run
     * twice (replica, then primary), so it must build its result from scratch each time.
     */
    public <T> T query(Function<JdbcClient, T> query) {
        if (replica == null || clock.instant().isBefore(primaryUntil)) {
            return query.apply(primary);
        }
        try {
            return query.apply(replica);
        } catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException e) {
            replicaFailed(e);
            return query.apply(primary);
        }
    }

    private void replicaFailed(org.springframework.dao.DataAccessException e) {
        Instant now = clock.instant();
        primaryUntil = now.plus(retryAfter);
        boolean warn;
        synchronized (this) {
            warn = !now.isBefore(lastWarning.plus(WARNING_INTERVAL));
            if (warn) {
                lastWarning = now;
            }
        }
        if (warn) {
            log.warn("The read replica cannot answer the statistics ({}); reading them from the primary for {} s "
                    + "(this warning at most once a minute)", e.getMostSpecificCause().getMessage(), retryAfter.toSeconds());
        }
    }

    /**
     * When a replica is configured: the moment the figures read through it are as of — the last transaction it
     * replayed (its {@code now() - pg_last_xact_replay_timestamp()} is the lag), or now when the primary answers;
     * empty without a replica, or while a fresh replica has replayed nothing yet. One query, cached {@code freshnessCache}.
     */
    public Optional<Instant> figuresAsOf() {
        if (replica == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Freshness known = freshness;
        if (known != null && now.isBefore(known.checkedAt().plus(freshnessCache))) {
            return Optional.ofNullable(known.asOf());
        }
        Optional<Timestamp> asOf = query(db -> db.sql(
                        "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_xact_replay_timestamp() ELSE now() END")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).single());
        Freshness checked = new Freshness(now, asOf.map(Timestamp::toInstant).orElse(null));
        freshness = checked;
        return Optional.ofNullable(checked.asOf());
    }

    private record Freshness(Instant checkedAt, Instant asOf) {
    }
}
