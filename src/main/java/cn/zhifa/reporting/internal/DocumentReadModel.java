package cn.zhifa.reporting.internal;

import cn.zhifa.documents.DocumentIssued;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DocumentTemplates;
import cn.zhifa.documents.DocumentVoided;
import cn.zhifa.documents.TemplateSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Documents issued per unit, day and kind, maintained from {@link DocumentIssued} (first issues only; a correction is
 * the same document) and {@link DocumentVoided}: one row per document, so a repeated event changes nothing.
 * {@link #rebuild(int)} recomputes a year from the facts the documents module replays.
 */
@Component
public class DocumentReadModel {

    private final JdbcClient jdbc;
    private final DocumentManagement documents;
    private final DocumentTemplates templates;
    private final StatisticsReads reads;

    DocumentReadModel(JdbcClient jdbc, DocumentManagement documents, DocumentTemplates templates, StatisticsReads reads) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.templates = templates;
        this.reads = reads;
    }

    /** How many documents of one kind were issued (void ones not counted). */
    public record KindCount(String kind, String title, long issued) {
    }

    @ApplicationModuleListener
    void on(DocumentIssued issued) {
        apply(issued);
    }

    @ApplicationModuleListener
    void on(DocumentVoided voided) {
        apply(voided);
    }

    /** Records a first issue; a correction (and an event of an older version without its date) changes nothing. */
    @Transactional
    public void apply(DocumentIssued issued) {
        if (issued.supersedesId() != null || issued.issueDate() == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO reporting_document (document_id, organization_id, kind, issue_date, voided)
                        VALUES (:id, :org, :kind, :day, FALSE)
                        ON CONFLICT (document_id) DO UPDATE SET issue_date = EXCLUDED.issue_date""")
                .param("id", issued.documentId()).param("org", issued.organizationId()).param("kind", issued.kind())
                .param("day", issued.issueDate()).update();
    }

    @Transactional
    public void apply(DocumentVoided voided) {
        jdbc.sql("""
                        INSERT INTO reporting_document (document_id, organization_id, kind, voided) VALUES (:id, :org, :kind, TRUE)
                        ON CONFLICT (document_id) DO UPDATE SET voided = TRUE""")
                .param("id", voided.documentId()).param("org", voided.organizationId()).param("kind", voided.kind()).update();
    }

    @Transactional
    public void rebuild(int year) {
        jdbc.sql("DELETE FROM reporting_document WHERE issue_date BETWEEN :from AND :to OR issue_date IS NULL")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).update();
        documents.replayIssued(year, this::apply, this::apply);
    }

    /** The documents issued between {@code from} and {@code to} in the given units by kind, most issued first. */
    public List<KindCount> byKind(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        record Issued(String kind, long count) {
        }
        List<Issued> issued = reads.query(db -> db.sql("""
                        SELECT kind, count(*) FROM reporting_document
                        WHERE organization_id IN (:orgs) AND issue_date BETWEEN :from AND :to AND NOT voided
                        GROUP BY kind ORDER BY count(*) DESC, kind""")
                .param("orgs", List.copyOf(organizationIds)).param("from", from).param("to", to)
                .query((rs, n) -> new Issued(rs.getString(1), rs.getLong(2))).list());
        return issued.stream().map(i -> new KindCount(i.kind(),
                templates.find(i.kind()).map(TemplateSummary::title).orElse(i.kind()), i.count())).toList();
    }
}
