package cn.zhifa.publicity.internal;

import cn.zhifa.publicity.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The publications, stored with their channels; saves check the version (optimistic locking). */
@Repository
public class Publications {

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    Publications(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The snapshot reporting keeps of a publication. */
    static cn.zhifa.publicity.PublicationRecorded recorded(Publication p) {
        return new cn.zhifa.publicity.PublicationRecorded(p.id(), p.organizationId(), p.dueOn(), p.publishedOn(), p.withdrawnOn());
    }

    public Optional<Publication> find(long id) {
        return withChannels(jdbc.sql("SELECT * FROM penalty_publication WHERE id = :id").param("id", id)
                .query(Publications::map).list()).stream().findFirst();
    }

    public Optional<Publication> findByCaseNumber(String caseNumber) {
        return withChannels(jdbc.sql("SELECT * FROM penalty_publication WHERE case_number = :number").param("number", caseNumber)
                .query(Publications::map).list()).stream().findFirst();
    }

    public List<Publication> query(String whereAndOrder, Map<String, ?> params) {
        return withChannels(jdbc.sql("SELECT * FROM penalty_publication p " + whereAndOrder).params(params)
                .query(Publications::map).list());
    }

    public long count(String where, Map<String, ?> params) {
        return jdbc.sql("SELECT count(*) FROM penalty_publication p " + where).params(params).query(Long.class).single();
    }

    /** Inserts a new publication; returns false (nothing written) when the case already has one. */
    boolean insert(Publication p) {
        List<Long> ids = jdbc.sql("""
                        INSERT INTO penalty_publication (case_id, case_number, organization_id, decision_number, person, party_name,
                            party_code, legal_representative, party_address, violation, facts, basis, penalty, other_measures,
                            fine_yuan, authority, decided_on, due_on, due_provisional)
                        VALUES (:caseId, :caseNumber, :org, :number, :person, :name, :code, :rep, :address, :violation, :facts,
                            :basis, :penalty, :other, :fine, :authority, :decided, :due, :provisional)
                        ON CONFLICT (case_number) DO NOTHING RETURNING id""")
                .param("caseId", p.caseId).param("caseNumber", p.caseNumber).param("org", p.organizationId)
                .param("number", p.decisionNumber).param("person", p.person).param("name", p.partyName)
                .param("code", p.partyCode).param("rep", p.legalRepresentative).param("address", p.partyAddress)
                .param("violation", p.violation).param("facts", p.facts).param("basis", p.basis).param("penalty", p.penalty)
                .param("other", p.otherMeasures).param("fine", p.fineYuan).param("authority", p.authority)
                .param("decided", p.decidedOn).param("due", p.dueOn).param("provisional", p.dueProvisional)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return false;
        }
        p.id = ids.get(0);
        events.publishEvent(recorded(p));
        return true;
    }

    /** Saves the publication's state and channels if nobody changed it since it was read. */
    void save(Publication p) {
        int updated = jdbc.sql("""
                        UPDATE penalty_publication SET published_on = :published, published_by = :publishedBy, expires_on = :expires,
                            changed_on = :changed, withdrawal_due_on = :withdrawalDue, withdrawn_on = :withdrawn,
                            withdrawal_reason = :reason, withdrawn_by = :withdrawnBy, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("published", p.publishedOn).param("publishedBy", p.publishedBy).param("expires", p.expiresOn)
                .param("changed", p.changedOn).param("withdrawalDue", p.withdrawalDueOn).param("withdrawn", p.withdrawnOn)
                .param("reason", p.withdrawalReason).param("withdrawnBy", p.withdrawnBy)
                .param("id", p.id).param("version", p.version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("publication " + p.id + " changed");
        }
        p.version++;
        events.publishEvent(recorded(p));
        p.channels.forEach((channel, day) -> jdbc.sql("""
                        INSERT INTO publication_channel (publication_id, channel, sent_on) VALUES (:id, :channel, :day)
                        ON CONFLICT DO NOTHING""")
                .param("id", p.id).param("channel", channel.name()).param("day", day).update());
    }

    private List<Publication> withChannels(List<Publication> list) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, Publication> byId = new HashMap<>();
        list.forEach(p -> byId.put(p.id, p));
        Collection<Long> ids = byId.keySet();
        jdbc.sql("SELECT publication_id, channel, sent_on FROM publication_channel WHERE publication_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    byId.get(rs.getLong("publication_id")).channels.put(Channel.valueOf(rs.getString("channel")),
                            rs.getObject("sent_on", LocalDate.class));
                });
        return list;
    }

    private static Publication map(ResultSet rs, int n) throws SQLException {
        Publication p = new Publication();
        p.id = rs.getLong("id");
        p.caseId = (Long) rs.getObject("case_id");
        p.caseNumber = rs.getString("case_number");
        p.organizationId = rs.getLong("organization_id");
        p.decisionNumber = rs.getString("decision_number");
        p.person = rs.getBoolean("person");
        p.partyName = rs.getString("party_name");
        p.partyCode = rs.getString("party_code");
        p.legalRepresentative = rs.getString("legal_representative");
        p.partyAddress = rs.getString("party_address");
        p.violation = rs.getString("violation");
        p.facts = rs.getString("facts");
        p.basis = rs.getString("basis");
        p.penalty = rs.getString("penalty");
        p.otherMeasures = rs.getString("other_measures");
        p.fineYuan = rs.getBigDecimal("fine_yuan");
        p.authority = rs.getString("authority");
        p.decidedOn = rs.getObject("decided_on", LocalDate.class);
        p.dueOn = rs.getObject("due_on", LocalDate.class);
        p.dueProvisional = rs.getBoolean("due_provisional");
        p.publishedOn = rs.getObject("published_on", LocalDate.class);
        p.publishedBy = rs.getString("published_by");
        p.expiresOn = rs.getObject("expires_on", LocalDate.class);
        p.changedOn = rs.getObject("changed_on", LocalDate.class);
        p.withdrawalDueOn = rs.getObject("withdrawal_due_on", LocalDate.class);
        p.withdrawnOn = rs.getObject("withdrawn_on", LocalDate.class);
        p.withdrawalReason = rs.getString("withdrawal_reason");
        p.withdrawnBy = rs.getString("withdrawn_by");
        p.version = rs.getInt("version");
        return p;
    }
}
