package cn.zhifa.credit.internal;

import cn.zhifa.shared.RuleViolation;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The 严重失信主体名单 entries; each change checks the version it read (optimistic locking). */
@Repository
public class Listings {

    private static final RowMapper<Listing> LISTING = (rs, i) -> new Listing(rs.getLong("id"), rs.getLong("enterprise_id"),
            rs.getString("enterprise_name"), rs.getString("uscc"), rs.getLong("organization_id"), rs.getString("authority"),
            rs.getString("ground_code"), rs.getString("ground_text"), (Long) rs.getObject("case_id"),
            rs.getString("case_reference"), Listing.Status.valueOf(rs.getString("status")), date(rs.getDate("proposed_on")),
            date(rs.getDate("notified_on")), date(rs.getDate("statement_due")), rs.getString("statement"),
            date(rs.getDate("decided_on")), rs.getString("decision_number"), (Long) rs.getObject("decision_document_id"),
            date(rs.getDate("expires_on")), date(rs.getDate("early_removal_from")), date(rs.getDate("removed_on")),
            rs.getString("removal_kind") == null ? null : Listing.RemovalKind.valueOf(rs.getString("removal_kind")),
            rs.getString("removal_reason"), date(rs.getDate("publication_stop_due")),
            date(rs.getDate("publication_stopped_on")), rs.getString("dropped_reason"), rs.getInt("version"));

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    public Optional<Listing> find(long id) {
        return jdbc.sql("SELECT * FROM credit_listing WHERE id = ?").param(id).query(LISTING).optional();
    }

    public Listing get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("名单记录不存在。"));
    }

    /** Proposes unless the same case was already proposed on the same ground; returns the id, or empty when known. */
    public Optional<Long> propose(Listing l, boolean demo) {
        return jdbc.sql("""
                INSERT INTO credit_listing (enterprise_id, enterprise_name, uscc, organization_id, authority, ground_code,
                  ground_text, case_id, case_reference, status, proposed_on, demo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)
                ON CONFLICT (case_id, ground_code) WHERE case_id IS NOT NULL DO NOTHING RETURNING id""")
                .params(l.enterpriseId(), l.enterpriseName(), l.uscc(), l.organizationId(), l.authority(), l.groundCode(),
                        l.groundText(), l.caseId(), l.caseReference(), l.proposedOn(), demo)
                .query(Long.class).optional();
    }

    public void save(Listing l) {
        int updated = jdbc.sql("""
                UPDATE credit_listing SET status = ?, notified_on = ?, statement_due = ?, statement = ?, decided_on = ?,
                  decision_number = ?, decision_document_id = ?, expires_on = ?, early_removal_from = ?, removed_on = ?,
                  removal_kind = ?, removal_reason = ?, publication_stop_due = ?, publication_stopped_on = ?,
                  dropped_reason = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(l.status().name(), l.notifiedOn(), l.statementDue(), l.statement(), l.decidedOn(), l.decisionNumber(),
                        l.decisionDocumentId(), l.expiresOn(), l.earlyRemovalFrom(), l.removedOn(),
                        l.removalKind() == null ? null : l.removalKind().name(), l.removalReason(), l.publicationStopDue(),
                        l.publicationStoppedOn(), l.droppedReason(), l.id(), l.version()).update();
        if (updated != 1) {
            throw RuleViolation.conflict("该名单记录已被他人修改，请刷新后重试。");
        }
    }

    public List<Listing> inOrganizations(Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM credit_listing WHERE organization_id = ANY(?) ORDER BY proposed_on DESC, id DESC")
                .param(orgs.toArray(Long[]::new)).query(LISTING).list();
    }

    public List<Listing> ofEnterprise(long enterpriseId) {
        return jdbc.sql("SELECT * FROM credit_listing WHERE enterprise_id = ? ORDER BY proposed_on, id").param(enterpriseId)
                .query(LISTING).list();
    }

    /** The public list on a day: listed, not expired, newest first; a page of it and the total. */
    public List<Listing> published(LocalDate today, String q, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM credit_listing WHERE status = 'LISTED' AND expires_on > :today
                  AND (:q = '' OR enterprise_name LIKE '%' || :q || '%' OR uscc = :q)
                ORDER BY decided_on DESC, id DESC OFFSET :offset LIMIT :limit""")
                .param("today", today).param("q", q).param("offset", offset).param("limit", limit).query(LISTING).list();
    }

    public long countPublished(LocalDate today, String q) {
        return jdbc.sql("""
                SELECT count(*) FROM credit_listing WHERE status = 'LISTED' AND expires_on > :today
                  AND (:q = '' OR enterprise_name LIKE '%' || :q || '%' OR uscc = :q)""")
                .param("today", today).param("q", q).query(Long.class).single();
    }

    public List<Listing> expiring(LocalDate today) {
        return jdbc.sql("SELECT * FROM credit_listing WHERE status = 'LISTED' AND expires_on <= ? ORDER BY id").param(today)
                .query(LISTING).list();
    }

    /** Firms among the given that are on the list on the day. */
    public Set<Long> listedAmong(Collection<Long> enterpriseIds, LocalDate today) {
        Set<Long> listed = new HashSet<>();
        if (enterpriseIds.isEmpty()) {
            return listed;
        }
        jdbc.sql("SELECT DISTINCT enterprise_id FROM credit_listing WHERE status = 'LISTED' AND expires_on > ? AND enterprise_id = ANY(?)")
                .param(today).param(enterpriseIds.toArray(Long[]::new)).query(Long.class).list().forEach(listed::add);
        return listed;
    }

    /** Listing decisions and removals within a period, for the monthly report. */
    public List<Listing> decidedOrRemovedBetween(LocalDate from, LocalDate to, Collection<Long> orgs) {
        return jdbc.sql("""
                SELECT * FROM credit_listing WHERE organization_id = ANY(:orgs)
                  AND ((decided_on BETWEEN :from AND :to AND status IN ('LISTED','REMOVED')) OR removed_on BETWEEN :from AND :to)
                ORDER BY COALESCE(removed_on, decided_on), id""")
                .param("orgs", orgs.toArray(Long[]::new)).param("from", from).param("to", to).query(LISTING).list();
    }

    public boolean otherProposalSince(long enterpriseId, long exceptId, LocalDate since) {
        return jdbc.sql("SELECT count(*) FROM credit_listing WHERE enterprise_id = ? AND id <> ? AND proposed_on > ? AND status <> 'DROPPED'")
                .params(enterpriseId, exceptId, since).query(Long.class).single() > 0;
    }

    /** Listings decided (列入) and removals (移出) of the period over some units: {@code [listed, removed]}. */
    public long[] listedAndRemovedBetween(LocalDate from, LocalDate to, Collection<Long> orgs) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE decided_on BETWEEN :from AND :to AND status IN ('LISTED','REMOVED')),
                       count(*) FILTER (WHERE removed_on BETWEEN :from AND :to)
                FROM credit_listing WHERE organization_id = ANY(:orgs)""")
                .param("orgs", orgs.toArray(Long[]::new)).param("from", from).param("to", to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
