package cn.zhifa.outreach.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 提示函 and 警示函 (table {@code outreach_letter}): issued to a firm of the caller's scope in the name of the caller's
 * authority as a numbered document of the documents module (templates SAFETY_TIP_LETTER / SAFETY_WARNING_LETTER),
 * listed here with its number and put on the firm's timeline. A retry with the same key issues nothing new.
 */
@Service
public class Letters {

    public record IssueLetter(Long enterpriseId, LetterKind kind, String subject, String risks, String demands,
                              LocalDate replyBy, String idempotencyKey) {
    }

    public record LetterView(long id, long organizationId, String unitName, long enterpriseId, String enterpriseName,
                             LetterKind kind, LocalDate issuedOn, String subject, long documentId, String documentNumber) {
    }

    /** null means any. */
    public record Filter(LetterKind kind, Integer year, Long enterpriseId) {
    }

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final Experts experts;
    private final DocumentManagement documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Letters(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations, Experts experts,
            DocumentManagement documents, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.experts = experts;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Issues the letter and records it; the document and the row are written together or not at all. */
    @Transactional
    public LetterView issue(IssueLetter c) {
        LocalDate today = today();
        OutreachChecks.letter(c, today);
        EnterpriseSummary firm = experts.firm(c.enterpriseId());
        Actor actor = Actors.require();
        String key = c.idempotencyKey() == null || c.idempotencyKey().isBlank()
                ? UUID.randomUUID().toString() : c.idempotencyKey().strip();
        return get(issue(actor.organizationId(), firm, c, today, actor.displayName(), actor.userId(), key, false));
    }

    long issue(long org, EnterpriseSummary firm, IssueLetter c, LocalDate on, String by, long byUser, String key, boolean demo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("letterSubject", c.subject().strip());
        fields.put("risks", c.risks().strip());
        fields.put("demands", c.demands().strip());
        fields.put("replyBy", c.replyBy());
        Party party = Party.unit("party", firm.name(), firm.uscc(), firm.legalRepresentative(), null, firm.address(), null, null);
        IssuedDocument doc = documents.issue(new IssueRequest(c.kind().template(), org,
                new SourceRef("outreach-letter", key), fields, List.of(party), List.of(), List.of(), List.of(),
                on, by, "outreach-letter-" + key));
        Long existing = jdbc.sql("SELECT id FROM outreach_letter WHERE document_id = ?").param(doc.id())
                .query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outreach_letter (organization_id, enterprise_id, enterprise_name, kind, issued_on, subject,
                            document_id, document_number, source_key, recorded_by, demo)
                        VALUES (:org, :firm, :name, :kind, :on, :subject, :doc, :number, :key, :by, :demo)""")
                .param("org", org).param("firm", firm.id()).param("name", firm.name()).param("kind", c.kind().name())
                .param("on", doc.issueDate()).param("subject", c.subject().strip()).param("doc", doc.id())
                .param("number", doc.number()).param("key", key).param("by", byUser).param("demo", demo).update(keys, "id");
        long id = keys.getKey().longValue();
        Audit.target(c.kind().label(), id);
        Audit.detail(c.kind().label() + " " + doc.number() + "：" + firm.name());
        events.publishEvent(new EnterpriseTimelineEntry(firm.id(), doc.issueDate(), "帮扶",
                "下发" + c.kind().label() + "（" + doc.number() + "）", "/documents/" + doc.id()));
        return id;
    }

    @Transactional(readOnly = true)
    public LetterView get(long id) {
        LetterView letter = jdbc.sql("SELECT * FROM outreach_letter WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> cn.zhifa.shared.RuleViolation.notFound("没有这份函件。"));
        scope.require(letter.organizationId());
        return letter;
    }

    @Transactional(readOnly = true)
    public Page<LetterView> search(Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", scope.visibleOrganizationIds());
        StringBuilder where = new StringBuilder(" WHERE organization_id IN (:orgs)");
        if (filter.kind() != null) {
            where.append(" AND kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.year() != null) {
            where.append(" AND issued_on BETWEEN :from AND :to");
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.enterpriseId() != null) {
            where.append(" AND enterprise_id = :firm");
            params.put("firm", filter.enterpriseId());
        }
        long total = jdbc.sql("SELECT count(*) FROM outreach_letter" + where).params(params).query(Long.class).single();
        List<LetterView> items = jdbc.sql("SELECT * FROM outreach_letter" + where
                        + " ORDER BY issued_on DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(this::map).list();
        return new Page<>(items, page, size, total);
    }

    /** The letters to one firm, newest first (the firm's profile is already in the caller's scope). */
    @Transactional(readOnly = true)
    public List<LetterView> to(long enterpriseId, int limit) {
        return jdbc.sql("SELECT * FROM outreach_letter WHERE enterprise_id = :firm ORDER BY issued_on DESC, id DESC LIMIT :limit")
                .param("firm", enterpriseId).param("limit", limit).query(this::map).list();
    }

    /** Letters per kind issued in the year by the units. */
    @Transactional(readOnly = true)
    public Map<LetterKind, Long> totals(int year, Collection<Long> orgs) {
        Map<LetterKind, Long> totals = new EnumMap<>(LetterKind.class);
        if (orgs.isEmpty()) {
            return totals;
        }
        jdbc.sql("SELECT kind, count(*) FROM outreach_letter WHERE organization_id IN (:orgs) "
                        + "AND issued_on BETWEEN :from AND :to GROUP BY kind")
                .param("orgs", orgs).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> totals.put(LetterKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return totals;
    }

    void purgeDemo(cn.zhifa.documents.DemoDocuments demoDocuments) {
        demoDocuments.purge("outreach-letter", jdbc.sql("SELECT source_key FROM outreach_letter WHERE demo").query(String.class).list());
        jdbc.sql("DELETE FROM outreach_letter WHERE demo").update();
    }

    private LetterView map(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organization_id");
        return new LetterView(rs.getLong("id"), org, organizations.find(org).map(OrganizationView::name).orElse(""),
                rs.getLong("enterprise_id"), rs.getString("enterprise_name"), LetterKind.valueOf(rs.getString("kind")),
                rs.getObject("issued_on", LocalDate.class), rs.getString("subject"), rs.getLong("document_id"),
                rs.getString("document_number"));
    }
}
