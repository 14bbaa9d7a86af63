package cn.zhifa.documents.internal;

import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The store of issued documents: insert-only (the database refuses UPDATE and DELETE), plus voids. The PDF and DOCX
 * bytes are kept by {@link IssuedDocumentFiles} (object store, key and hash in the row); rows issued before V8_41 hold them.
 */
@Repository
public class IssuedDocumentStore {

    /** A row to insert; bytes and hashes as issued. */
    public record NewDocument(long organizationId, long authorityOrganizationId, String authorityName, String kind, String title, String numberText, String shortName,
                              String prefix, Integer year, Integer serial, SourceRef source, String partyName,
                              LocalDate issueDate, Instant issuedAt, String issuedBy, String verificationCode,
                              byte[] pdf, String pdfSha256, byte[] docx, String docxSha256, int pages, String contentJson,
                              String unsignedAreas, String refusedAreas, int version, Long supersedesId,
                              String correctionReason, String idempotencyKey) {}

    /**
     * List filter; null members do not filter. {@code counted}: only what the statistics count as issued — first issues
     * (a correction is the same document) that were not voided.
     */
    public record Filter(Collection<Long> organizationIds, String kind, String number, LocalDate from, LocalDate to,
                         SourceRef source, String partyName, String partyCode, boolean counted) {
        public Filter(Collection<Long> organizationIds, String kind, String number, LocalDate from, LocalDate to,
                      SourceRef source) {
            this(organizationIds, kind, number, from, to, source, null, null, false);
        }

        public Filter(Collection<Long> organizationIds, String kind, String number, LocalDate from, LocalDate to,
                      SourceRef source, String partyName, String partyCode) {
            this(organizationIds, kind, number, from, to, source, partyName, partyCode, false);
        }
    }

    public record Page(List<IssuedDocument> rows, long total) {}

    static final String COLUMNS = """
            d.id, d.organization_id, d.authority_org_id, d.authority_name, d.kind, d.title, d.number_text, d.source_type, d.source_id, d.party_name, d.issue_date,
            d.issued_at, d.issued_by, d.verification_code, d.pdf_sha256, d.docx_sha256, d.pages, d.version, d.supersedes_id,
            d.correction_reason, (select max(n.id) from doc_issued n where n.supersedes_id = d.id) as superseded_by,
            v.reason as void_reason""";

    private final JdbcClient jdbc;
    private final IssuedDocumentFiles files;

    public IssuedDocumentStore(JdbcClient jdbc, IssuedDocumentFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * Inserts the document unless its verification code is already taken (the code is unique: empty then, and the
     * caller issues again with another code); any other conflict (idempotency key, number) fails as before.
     */
    public Optional<Long> insert(NewDocument d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("org", d.organizationId());
        p.put("aorg", d.authorityOrganizationId());
        p.put("aname", d.authorityName());
        p.put("kind", d.kind());
        p.put("title", d.title());
        p.put("num", d.numberText());
        p.put("short", d.shortName());
        p.put("prefix", d.prefix());
        p.put("year", d.year());
        p.put("serial", d.serial());
        p.put("stype", d.source().type());
        p.put("sid", d.source().id());
        p.put("party", d.partyName());
        p.put("date", d.issueDate());
        p.put("at", Timestamp.from(d.issuedAt()));
        p.put("by", d.issuedBy());
        p.put("code", d.verificationCode());
        p.put("pdfKey", files.keep(d.pdf(), d.pdfSha256()));
        p.put("pdfHash", d.pdfSha256());
        p.put("docxKey", files.keep(d.docx(), d.docxSha256()));
        p.put("docxHash", d.docxSha256());
        p.put("pages", d.pages());
        p.put("json", d.contentJson());
        p.put("unsigned", d.unsignedAreas());
        p.put("refused", d.refusedAreas());
        p.put("version", d.version());
        p.put("supersedes", d.supersedesId());
        p.put("reason", d.correctionReason());
        p.put("key", d.idempotencyKey());
        return jdbc.sql("""
                insert into doc_issued (organization_id, authority_org_id, authority_name, kind, title, number_text, short_name, prefix, number_year, serial,
                       source_type, source_id, party_name, issue_date, issued_at, issued_by, verification_code, pdf_key,
                       pdf_sha256, docx_key, docx_sha256, pages, content_json, unsigned_areas, refused_areas, version,
                       supersedes_id, correction_reason, idempotency_key)
                values (:org, :aorg, :aname, :kind, :title, :num, :short, :prefix, :year, :serial, :stype, :sid, :party, :date, :at, :by,
                       :code, :pdfKey, :pdfHash, :docxKey, :docxHash, :pages, :json, :unsigned, :refused, :version, :supersedes,
                       :reason, :key)
                on conflict (verification_code) do nothing
                returning id""").params(p).query(Long.class).optional();
    }

    public Optional<IssuedDocument> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from doc_issued d left join doc_void v on v.document_id = d.id and v.organization_id = d.organization_id where d.id = :id")
                .param("id", id).query(IssuedDocumentStore::map).optional();
    }

    public Optional<IssuedDocument> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from doc_issued d left join doc_void v on v.document_id = d.id and v.organization_id = d.organization_id where d.verification_code = :c")
                .param("c", code).query(IssuedDocumentStore::map).optional();
    }

    public Optional<IssuedDocument> findByIdempotencyKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from doc_issued d left join doc_void v on v.document_id = d.id and v.organization_id = d.organization_id where d.idempotency_key = :k")
                .param("k", key).query(IssuedDocumentStore::map).optional();
    }

    /** The PDF as issued: from the object store (checked against its hash), or from the row for documents issued before V8_41. */
    public Optional<byte[]> pdf(long id) {
        return bytes(id, "pdf");
    }

    /** The DOCX as issued, read as {@link #pdf}. */
    public Optional<byte[]> docx(long id) {
        return bytes(id, "docx");
    }

    private Optional<byte[]> bytes(long id, String format) {
        return jdbc.sql("select " + format + ", " + format + "_key, " + format + "_sha256 from doc_issued where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    String key = rs.getString(2);
                    return key == null ? rs.getBytes(1) : files.read(key, rs.getString(3));
                })
                .optional();
    }

    public Optional<String> contentJson(long id) {
        return jdbc.sql("select content_json from doc_issued where id = :id").param("id", id).query(String.class).optional();
    }

    public List<String> areas(long id, boolean refused) {
        String v = jdbc.sql("select " + (refused ? "refused_areas" : "unsigned_areas") + " from doc_issued where id = :id")
                .param("id", id).query(String.class).optional().orElse(null);
        return v == null || v.isBlank() ? List.of() : List.of(v.split("、"));
    }

    /** The open 作废 request of a document, if any: id, reason, requester's name and user id. */
    public java.util.Optional<cn.zhifa.documents.VoidRequest> openVoidRequest(long documentId) {
        return jdbc.sql("select id, document_id, reason, requested_at, requested_by, requested_by_user from doc_void_request"
                        + " where document_id = :id and decided_at is null")
                .param("id", documentId)
                .query((rs, n) -> new cn.zhifa.documents.VoidRequest(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getLong(6))).optional();
    }

    public void recordVoidRequest(long documentId, String reason, Instant at, String by, long byUser) {
        jdbc.sql("insert into doc_void_request (document_id, reason, requested_at, requested_by, requested_by_user, organization_id)"
                        + " values (:id, :r, :at, :by, :user, (select organization_id from doc_issued where id = :id))")
                .param("id", documentId).param("r", reason).param("at", Timestamp.from(at)).param("by", by).param("user", byUser)
                .update();
    }

    public void recordVoidDecision(long requestId, boolean approved, Instant at, String by, long byUser) {
        jdbc.sql("update doc_void_request set decided_at = :at, decided_by = :by, decided_by_user = :user, approved = :ok"
                        + " where id = :id and decided_at is null")
                .param("id", requestId).param("at", Timestamp.from(at)).param("by", by).param("user", byUser)
                .param("ok", approved).update();
    }

    /** The first issues (not corrections) dated between {@code from} and {@code to}, with the day each was voided (or null). */
    public void replayFirstIssues(LocalDate from, LocalDate to,
                                  java.util.function.BiConsumer<cn.zhifa.documents.DocumentIssued, LocalDate> sink) {
        try (var rows = jdbc.sql("select d.id, d.kind, d.number_text, d.source_type, d.source_id, d.organization_id, d.issue_date,"
                        + " (select min(v.voided_at) from doc_void v where v.document_id = d.id and v.organization_id = d.organization_id) as voided_at"
                        + " from doc_issued d where d.issue_date between :from and :to and d.supersedes_id is null order by d.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    Timestamp voided = rs.getTimestamp("voided_at");
                    return Map.entry(new cn.zhifa.documents.DocumentIssued(rs.getLong("id"), rs.getString("kind"),
                                    rs.getString("number_text"), new SourceRef(rs.getString("source_type"), rs.getString("source_id")),
                                    rs.getLong("organization_id"), rs.getObject("issue_date", LocalDate.class), null),
                            voided == null ? java.util.Optional.<LocalDate>empty()
                                    : java.util.Optional.of(LocalDate.ofInstant(voided.toInstant(), java.time.ZoneId.of("Asia/Shanghai"))));
                }).stream()) {
            rows.forEach(e -> sink.accept(e.getKey(), e.getValue().orElse(null)));
        }
    }

    public void recordVoid(long id, String reason, Instant at, String by) {
        jdbc.sql("insert into doc_void (document_id, reason, voided_at, voided_by, organization_id)"
                        + " values (:id, :r, :at, :by, (select organization_id from doc_issued where id = :id))")
                .param("id", id).param("r", reason).param("at", Timestamp.from(at)).param("by", by).update();
    }

    public Page list(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (f.organizationIds() != null) {
            if (f.organizationIds().isEmpty()) return new Page(List.of(), 0);
            where.append(" and d.organization_id in (:orgs)");
            p.put("orgs", f.organizationIds());
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            where.append(" and d.kind = :kind");
            p.put("kind", f.kind());
        }
        if (f.number() != null && !f.number().isBlank()) {
            where.append(" and d.number_text like :num");
            p.put("num", "%" + f.number().strip().replace("%", "").replace("_", "") + "%");
        }
        if (f.from() != null) {
            where.append(" and d.issue_date >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and d.issue_date <= :to");
            p.put("to", f.to());
        }
        if (f.source() != null) {
            where.append(" and d.source_type = :stype and d.source_id = :sid");
            p.put("stype", f.source().type());
            p.put("sid", f.source().id());
        }
        if (f.partyName() != null || f.partyCode() != null) {
            // the firm is the party named on the document, or its credit code appears among the document's parties
            where.append(" and (d.party_name = :pname or d.content_json like :pcode)");
            p.put("pname", f.partyName() == null ? "" : f.partyName());
            p.put("pcode", f.partyCode() == null || f.partyCode().isBlank() ? "-" : "%\"creditCode\":\"" + f.partyCode() + "\"%");
        }
        if (f.counted()) {
            where.append(" and d.supersedes_id is null and not exists (select 1 from doc_void cv where cv.document_id = d.id and cv.organization_id = d.organization_id)");
        }
        long total = jdbc.sql("select count(*) from doc_issued d" + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<IssuedDocument> rows = jdbc.sql("select " + COLUMNS + " from doc_issued d left join doc_void v on v.document_id = d.id and v.organization_id = d.organization_id"
                        + where + " order by d.issued_at desc, d.id desc limit :limit offset :offset")
                .params(p).query(IssuedDocumentStore::map).list();
        return new Page(rows, total);
    }

    /** Every document of the given records of one source type, newest first (one query for a list page). */
    public List<IssuedDocument> listBySources(String sourceType, Collection<String> sourceIds) {
        return jdbc.sql("select " + COLUMNS + " from doc_issued d left join doc_void v on v.document_id = d.id and v.organization_id = d.organization_id"
                        + " where d.source_type = :stype and d.source_id in (:sids) order by d.issued_at desc, d.id desc")
                .param("stype", sourceType).param("sids", sourceIds).query(IssuedDocumentStore::map).list();
    }

    /** Issued documents per organisation and kind in [from, to], corrections and voids not counted. */
    public List<Map<String, Object>> countByOrganizationAndKind(Collection<Long> orgs, LocalDate from, LocalDate to) {
        if (orgs != null && orgs.isEmpty()) return new ArrayList<>();
        return jdbc.sql("select d.organization_id, d.kind, count(*) as issued from doc_issued d"
                        + " where d.issue_date between :from and :to and d.supersedes_id is null"
                        + " and not exists (select 1 from doc_void v where v.document_id = d.id and v.organization_id = d.organization_id)"
                        + (orgs == null ? "" : " and d.organization_id in (:orgs)")
                        + " group by d.organization_id, d.kind order by d.organization_id, d.kind")
                .param("from", from).param("to", to).params(orgs == null ? Map.of() : Map.of("orgs", orgs))
                .query().listOfRows();
    }

    static IssuedDocument map(ResultSet rs, int n) throws SQLException {
        return new IssuedDocument(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("authority_org_id"),
                rs.getString("authority_name"), rs.getString("kind"), rs.getString("title"),
                rs.getString("number_text"), new SourceRef(rs.getString("source_type"), rs.getString("source_id")),
                rs.getString("party_name"), rs.getObject("issue_date", LocalDate.class),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"), rs.getString("verification_code"),
                rs.getString("pdf_sha256"), rs.getString("docx_sha256"), rs.getInt("pages"), rs.getInt("version"),
                (Long) rs.getObject("supersedes_id"), rs.getString("correction_reason"), (Long) rs.getObject("superseded_by"),
                rs.getString("void_reason"));
    }
}
