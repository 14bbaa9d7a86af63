package cn.zhifa.reporting.internal;

import cn.zhifa.publicity.PublicationRecorded;
import cn.zhifa.publicity.PublicityManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Penalty decisions due for publication per unit, maintained from publicity's {@link PublicationRecorded} snapshots:
 * one row per publication; a publication once published or withdrawn stays so, whatever order the snapshots arrive in.
 * {@link #rebuild(int)} recomputes a year from the snapshots publicity replays.
 */
@Component
public class PublicityReadModel {

    private final JdbcClient jdbc;
    private final PublicityManagement publicity;
    private final StatisticsReads reads;

    PublicityReadModel(JdbcClient jdbc, PublicityManagement publicity, StatisticsReads reads) {
        this.jdbc = jdbc;
        this.publicity = publicity;
        this.reads = reads;
    }

    /** 应公示 (withdrawn before publication not counted), 已公示 and 按时公示 of the decisions due in a period. */
    public record PublicityFigures(long due, long published, long publishedOnTime) {
    }

    @ApplicationModuleListener
    void on(PublicationRecorded recorded) {
        apply(recorded);
    }

    @Transactional
    public void apply(PublicationRecorded p) {
        jdbc.sql("""
                        INSERT INTO reporting_publication (publication_id, organization_id, due_on, published_on, withdrawn_on)
                        VALUES (:id, :org, :due, :published, :withdrawn)
                        ON CONFLICT (publication_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
                            due_on = EXCLUDED.due_on,
                            published_on = COALESCE(EXCLUDED.published_on, reporting_publication.published_on),
                            withdrawn_on = COALESCE(EXCLUDED.withdrawn_on, reporting_publication.withdrawn_on)""")
                .param("id", p.publicationId()).param("org", p.organizationId()).param("due", p.dueOn())
                .param("published", p.publishedOn()).param("withdrawn", p.withdrawnOn()).update();
    }

    @Transactional
    public void rebuild(int year) {
        jdbc.sql("DELETE FROM reporting_publication WHERE due_on BETWEEN :from AND :to")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).update();
        publicity.replayPublications(year, this::apply);
    }

    public PublicityFigures figures(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new PublicityFigures(0, 0, 0);
        }
        return reads.query(db -> db.sql("""
                        SELECT count(*), count(*) FILTER (WHERE published_on IS NOT NULL),
                               count(*) FILTER (WHERE published_on <= due_on)
                        FROM reporting_publication WHERE organization_id IN (:orgs) AND due_on BETWEEN :from AND :to
                          AND (published_on IS NOT NULL OR withdrawn_on IS NULL)""")
                .param("orgs", List.copyOf(organizationIds)).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new PublicityFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single());
    }
}
