package cn.zhifa.casework.internal.records;

import cn.zhifa.casework.OnsiteKind;
import cn.zhifa.casework.PreservationDecision;
import cn.zhifa.casework.RecordInput;
import cn.zhifa.casework.internal.records.RecordParts.Approval;
import cn.zhifa.casework.internal.records.RecordParts.By;
import cn.zhifa.casework.internal.records.RecordParts.Content;
import cn.zhifa.casework.internal.records.RecordParts.DocumentRef;
import cn.zhifa.casework.internal.records.RecordParts.Named;
import cn.zhifa.casework.internal.records.RecordParts.Outcome;
import cn.zhifa.casework.internal.records.RecordParts.Person;
import cn.zhifa.casework.internal.records.RecordParts.Signing;
import cn.zhifa.shared.crypto.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The investigation records of the cases ({@code case_record} with its answers and items): the only place that writes
 * them. {@link #add} stores a new record, {@link #save} its later state (optimistic on {@code version}); both publish
 * the events the record registered.
 */
@Repository
public class CaseRecords {

    /** Personal data sealed at rest (issue 14). */
    static final String ID_NUMBER = "case_record.person_id_number";
    static final String PHONE = "case_record.person_phone";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final FieldCipher cipher;

    CaseRecords(JdbcClient jdbc, ApplicationEventPublisher events, FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Long> idByIdempotencyKey(String key) {
        if (key == null) return Optional.empty();
        return jdbc.sql("SELECT id FROM case_record WHERE idempotency_key = :key").param("key", key).query(Long.class).optional();
    }

    /** The record of the case, locked for the transition that follows. */
    public Optional<InvestigationRecord> forUpdate(long caseId, long recordId) {
        return jdbc.sql("SELECT * FROM case_record WHERE case_id = :case AND id = :id FOR UPDATE")
                .param("case", caseId).param("id", recordId).query((rs, n) -> map(rs)).optional()
                .map(r -> withRows(List.of(r)).get(0));
    }

    public InvestigationRecord ofRecord(long recordId) {
        return withRows(jdbc.sql("SELECT * FROM case_record WHERE id = :id").param("id", recordId).query((rs, n) -> map(rs)).list())
                .get(0);
    }

    /** The case's records, oldest first. */
    public List<InvestigationRecord> ofCase(long caseId) {
        return withRows(jdbc.sql("SELECT * FROM case_record WHERE case_id = :case ORDER BY id").param("case", caseId)
                .query((rs, n) -> map(rs)).list());
    }

    /** The case's records of one kind, oldest first. */
    public List<InvestigationRecord> ofCase(long caseId, OnsiteKind kind) {
        return withRows(jdbc.sql("SELECT * FROM case_record WHERE case_id = :case AND kind = :kind ORDER BY id")
                .param("case", caseId).param("kind", kind.name()).query((rs, n) -> map(rs)).list());
    }

    public int countOf(long caseId, OnsiteKind kind, String personName) {
        return jdbc.sql("SELECT count(*) FROM case_record WHERE case_id = :case AND kind = :kind AND person_name = :person")
                .param("case", caseId).param("kind", kind.name()).param("person", personName).query(Integer.class).single();
    }

    public InvestigationRecord add(InvestigationRecord r) {
        Content c = r.content();
        Person p = c.person() == null ? Person.named(null) : c.person();
        Named o1 = member(c, 0), o2 = member(c, 1), rec = member(c, 2);
        long id = jdbc.sql("""
                        INSERT INTO case_record (case_id, organization_id, kind, started_at, ended_at, place, person_name,
                            person_gender, person_id_number, person_phone, person_work_unit, person_position, person_relation,
                            officer1_id, officer1_name, officer1_certificate, officer2_id, officer2_name, officer2_certificate,
                            recorder_id, recorder_name, content, details, idempotency_key, recorded_by_id, recorded_by_name,
                            recorded_at, status, version)
                        VALUES (:case, :org, :kind, :from, :to, :place, :name, :gender, :idNumber, :phone, :workUnit, :position,
                            :relation, :o1, :o1name, :o1cert, :o2, :o2name, :o2cert, :rec, :recname, :content, :details,
                            :key, :by, :byname, :at, :status, 0)
                        RETURNING id""")
                .param("case", r.caseId()).param("org", r.organizationId()).param("kind", r.kind().name())
                .param("from", c.startedAt() == null ? null : Timestamp.valueOf(c.startedAt()))
                .param("to", c.endedAt() == null ? null : Timestamp.valueOf(c.endedAt())).param("place", c.place())
                .param("name", p.name()).param("gender", p.gender()).param("idNumber", cipher.seal(ID_NUMBER, p.idNumber()))
                .param("phone", cipher.seal(PHONE, p.phone()))
                .param("workUnit", p.workUnit()).param("position", p.position()).param("relation", p.relation())
                .param("o1", o1 == null ? null : o1.userId()).param("o1name", o1 == null ? null : o1.name())
                .param("o1cert", o1 == null ? null : o1.certificateNo())
                .param("o2", o2 == null ? null : o2.userId()).param("o2name", o2 == null ? null : o2.name())
                .param("o2cert", o2 == null ? null : o2.certificateNo())
                .param("rec", rec == null ? null : rec.userId()).param("recname", rec == null ? null : rec.name())
                .param("content", c.text()).param("details", c.details()).param("key", r.idempotencyKey())
                .param("by", r.recordedBy().userId()).param("byname", r.recordedBy().name())
                .param("at", timestamp(r.recordedAt()))
                .param("status", r.state().name())
                .query(Long.class).single();
        r.assignId(id);
        int n = 0;
        for (RecordInput.QuestionAnswer qa : c.answers()) {
            jdbc.sql("INSERT INTO case_record_answer (record_id, position, question, answer, organization_id) VALUES (:id, :n, :q, :a, :org)")
                    .param("id", id).param("org", r.organizationId()).param("n", n++).param("q", qa.question()).param("a", qa.answer()).update();
        }
        n = 0;
        for (RecordInput.Item item : c.items()) {
            jdbc.sql("INSERT INTO case_record_item (record_id, position, name, spec, quantity, location, organization_id)"
                            + " VALUES (:id, :n, :name, :spec, :q, :loc, :org)")
                    .param("id", id).param("org", r.organizationId()).param("n", n++).param("name", item.name()).param("spec", item.spec())
                    .param("q", item.quantity()).param("loc", item.location()).update();
        }
        writeState(r, 0);
        return r;
    }

    /** Stores the record's state after a transition; refuses a concurrent change. */
    public InvestigationRecord save(InvestigationRecord r) {
        writeState(r, r.version());
        return r;
    }

    private void writeState(InvestigationRecord r, int expectedVersion) {
        DocumentRef d = r.document();
        Approval a = r.approval();
        Outcome o = r.outcome();
        int updated = jdbc.sql("""
                        UPDATE case_record SET status = :status, version = version + 1, signature_note = :note,
                            document_id = :doc, document_kind = :dockind, document_title = :doctitle, document_number = :docnumber,
                            issued_at = :issued, approval_reason = :areason, emergency = :emergency, emergency_reason = :ereason,
                            approved_by_id = :aby, approved_by_name = :abyname, approved_at = :aat, approval_opinion = :aopinion,
                            approved_afterwards = :afterwards,
                            preservation_decision = :decision, preservation_decided_on = :day, preservation_decision_reason = :reason,
                            preservation_decision_late = :late, preservation_decided_by_id = :dby,
                            preservation_decided_by_name = :dbyname, preservation_decided_at = :dat
                        WHERE id = :id AND version = :version""")
                .param("status", r.state().name()).param("note", r.signing() == null ? null : r.signing().note())
                .param("doc", d == null ? null : d.id()).param("dockind", d == null ? null : d.kind())
                .param("doctitle", d == null ? null : d.title()).param("docnumber", d == null ? null : d.number())
                .param("issued", timestamp(r.issuedAt()))
                .param("areason", a == null ? null : a.reason()).param("emergency", a != null && a.emergency())
                .param("ereason", a == null ? null : a.emergencyReason())
                .param("aby", a == null || a.approvedBy() == null ? null : a.approvedBy().userId())
                .param("abyname", a == null || a.approvedBy() == null ? null : a.approvedBy().name())
                .param("aat", a == null ? null : timestamp(a.approvedAt())).param("aopinion", a == null ? null : a.opinion())
                .param("afterwards", a != null && a.afterwards())
                .param("decision", o == null ? null : o.decision().name()).param("day", o == null ? null : o.decidedOn())
                .param("reason", o == null ? null : o.reason()).param("late", o == null ? null : o.late())
                .param("dby", o == null ? null : o.decidedBy().userId()).param("dbyname", o == null ? null : o.decidedBy().name())
                .param("dat", o == null ? null : timestamp(o.decidedAt()))
                .param("id", r.id()).param("version", expectedVersion).update();
        if (updated != 1) throw new OptimisticLockingFailureException("case_record " + r.id() + " changed concurrently");
        r.events().forEach(events::publishEvent);
        r.clearEvents();
    }

    private static java.time.OffsetDateTime timestamp(Instant at) {
        return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
    }

    private static Named member(Content c, int i) {
        return c.team().size() > i ? c.team().get(i) : null;
    }

    private List<InvestigationRecord> withRows(List<Loaded> loaded) {
        if (loaded.isEmpty()) return List.of();
        List<Long> ids = loaded.stream().map(Loaded::id).toList();
        Map<Long, List<RecordInput.QuestionAnswer>> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT record_id, question, answer FROM case_record_answer WHERE record_id IN (:ids) ORDER BY record_id, position")
                .param("ids", ids).query(rs -> {
                    answers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RecordInput.QuestionAnswer(rs.getString(2), rs.getString(3)));
                });
        Map<Long, List<RecordInput.Item>> items = new LinkedHashMap<>();
        jdbc.sql("SELECT record_id, name, spec, quantity, location FROM case_record_item WHERE record_id IN (:ids) ORDER BY record_id, position")
                .param("ids", ids).query(rs -> {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RecordInput.Item(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return loaded.stream().map(l -> l.record(answers.getOrDefault(l.id(), List.of()), items.getOrDefault(l.id(), List.of())))
                .toList();
    }

    /** A row read, its answers and items still to come. */
    private interface Loaded {
        long id();

        InvestigationRecord record(List<RecordInput.QuestionAnswer> answers, List<RecordInput.Item> items);
    }

    private Loaded map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Timestamp start = rs.getTimestamp("started_at"), end = rs.getTimestamp("ended_at");
        LocalDateTime from = start == null ? null : start.toLocalDateTime(), to = end == null ? null : end.toLocalDateTime();
        Person person = new Person(rs.getString("person_name"), rs.getString("person_gender"), cipher.open(ID_NUMBER, rs.getString("person_id_number")),
                cipher.open(PHONE, rs.getString("person_phone")), rs.getString("person_work_unit"), rs.getString("person_position"),
                rs.getString("person_relation"));
        List<Named> team = new ArrayList<>();
        if (rs.getObject("officer1_id") != null) team.add(new Named(rs.getLong("officer1_id"), rs.getString("officer1_name"), rs.getString("officer1_certificate")));
        if (rs.getObject("officer2_id") != null) team.add(new Named(rs.getLong("officer2_id"), rs.getString("officer2_name"), rs.getString("officer2_certificate")));
        if (rs.getObject("recorder_id") != null) team.add(new Named(rs.getLong("recorder_id"), rs.getString("recorder_name"), null));
        String place = rs.getString("place"), text = rs.getString("content"), details = rs.getString("details");
        long caseId = rs.getLong("case_id"), org = rs.getLong("organization_id");
        OnsiteKind kind = OnsiteKind.valueOf(rs.getString("kind"));
        RecordState state = RecordState.valueOf(rs.getString("status"));
        int version = rs.getInt("version");
        By recordedBy = new By(rs.getLong("recorded_by_id"), rs.getString("recorded_by_name"));
        Instant recordedAt = rs.getTimestamp("recorded_at").toInstant();
        String key = rs.getString("idempotency_key");
        String note = rs.getString("signature_note");
        Signing signing = note == null ? null : new Signing(Set.of(), Map.of(), note);
        Long documentId = (Long) rs.getObject("document_id");
        DocumentRef document = documentId == null ? null : new DocumentRef(documentId, rs.getString("document_kind"),
                rs.getString("document_title"), rs.getString("document_number"));
        Instant issuedAt = instant(rs, "issued_at");
        boolean emergency = rs.getBoolean("emergency");
        Instant approvedAt = instant(rs, "approved_at");
        Approval approval = rs.getString("approval_reason") == null && !emergency && approvedAt == null ? null
                : new Approval(rs.getString("approval_reason"), emergency, rs.getString("emergency_reason"),
                approvedAt == null ? null : new By(rs.getLong("approved_by_id"), rs.getString("approved_by_name")), approvedAt,
                rs.getString("approval_opinion"), rs.getBoolean("approved_afterwards"));
        String decision = rs.getString("preservation_decision");
        Outcome outcome = decision == null ? null : new Outcome(PreservationDecision.valueOf(decision),
                rs.getDate("preservation_decided_on").toLocalDate(), rs.getString("preservation_decision_reason"),
                rs.getBoolean("preservation_decision_late"),
                new By(rs.getLong("preservation_decided_by_id"), rs.getString("preservation_decided_by_name")),
                instant(rs, "preservation_decided_at"));
        return new Loaded() {
            @Override
            public long id() {
                return id;
            }

            @Override
            public InvestigationRecord record(List<RecordInput.QuestionAnswer> answers, List<RecordInput.Item> items) {
                Content content = new Content(from, to, place, person, team, answers, items, text, details);
                return InvestigationRecord.restore(id, caseId, org, kind, state, version, content, recordedBy, recordedAt, key,
                        signing, document, issuedAt, approval, outcome);
            }
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
