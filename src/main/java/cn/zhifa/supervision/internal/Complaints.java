package cn.zhifa.supervision.internal;

import cn.zhifa.supervision.ChannelStatistics;
import cn.zhifa.supervision.ComplaintChannel;
import cn.zhifa.supervision.ComplaintStatus;
import cn.zhifa.shared.crypto.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The complaint register (table {@code complaint}); saves check the version (optimistic locking). */
@Component
public class Complaints {

    private static final String COLUMNS = """
            organization_id, channel, received_on, content, enterprise_id, enterprise_name, reporter_name, reporter_phone,
            anonymous, status, accept_due, close_due, due_provisional, duplicate_of, accepted_on, rejected_on, reject_reason,
            assigned_unit_id, follow_up, follow_up_note, reply, replied_on, closed_on, result, reward_status,
            reward_fine_yuan, reward_yuan, reward_basis, reward_approved_on, reward_paid_on, registered_by, demo""";

    /** Personal data sealed at rest (issue 14). */
    static final String REPORTER_PHONE = "complaint.reporter_phone";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    Complaints(JdbcClient jdbc, FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    public Complaint save(Complaint c) {
        if (c.id == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            bind(jdbc.sql("INSERT INTO complaint (" + COLUMNS + ") VALUES (:organizationId, :channel, :receivedOn, :content, "
                    + ":enterpriseId, :enterpriseName, :reporterName, :reporterPhone, :anonymous, :status, :acceptDue, :closeDue, "
                    + ":dueProvisional, :duplicateOf, :acceptedOn, :rejectedOn, :rejectReason, :assignedUnitId, :followUp, "
                    + ":followUpNote, :reply, :repliedOn, :closedOn, :result, :rewardStatus, :rewardFineYuan, :rewardYuan, "
                    + ":rewardBasis, :rewardApprovedOn, :rewardPaidOn, :registeredBy, :demo)"), c)
                    .update(keys, "id");
            c.id = keys.getKey().longValue();
            return c;
        }
        int updated = bind(jdbc.sql("""
                UPDATE complaint SET status = :status, accepted_on = :acceptedOn, rejected_on = :rejectedOn,
                  reject_reason = :rejectReason, assigned_unit_id = :assignedUnitId, follow_up = :followUp,
                  follow_up_note = :followUpNote, reply = :reply, replied_on = :repliedOn, closed_on = :closedOn,
                  result = :result, reward_status = :rewardStatus, reward_fine_yuan = :rewardFineYuan,
                  reward_yuan = :rewardYuan, reward_basis = :rewardBasis, reward_approved_on = :rewardApprovedOn,
                  reward_paid_on = :rewardPaidOn, version = version + 1
                WHERE id = :id AND version = :version"""), c).param("id", c.id).param("version", c.version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("complaint " + c.id);
        }
        c.version++;
        return c;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Complaint c) {
        return spec.param("organizationId", c.organizationId).param("channel", c.channel.name())
                .param("receivedOn", c.receivedOn).param("content", c.content).param("enterpriseId", c.enterpriseId)
                .param("enterpriseName", c.enterpriseName).param("reporterName", c.reporterName)
                .param("reporterPhone", cipher.seal(REPORTER_PHONE, c.reporterPhone)).param("anonymous", c.anonymous).param("status", c.status.name())
                .param("acceptDue", c.acceptDue).param("closeDue", c.closeDue).param("dueProvisional", c.dueProvisional)
                .param("duplicateOf", c.duplicateOf).param("acceptedOn", c.acceptedOn).param("rejectedOn", c.rejectedOn)
                .param("rejectReason", c.rejectReason).param("assignedUnitId", c.assignedUnitId)
                .param("followUp", c.followUp == null ? null : c.followUp.name()).param("followUpNote", c.followUpNote)
                .param("reply", c.reply).param("repliedOn", c.repliedOn).param("closedOn", c.closedOn)
                .param("result", c.result).param("rewardStatus", c.rewardStatus == null ? null : c.rewardStatus.name())
                .param("rewardFineYuan", c.rewardFineYuan).param("rewardYuan", c.rewardYuan)
                .param("rewardBasis", c.rewardBasis).param("rewardApprovedOn", c.rewardApprovedOn)
                .param("rewardPaidOn", c.rewardPaidOn).param("registeredBy", c.registeredBy).param("demo", c.demo);
    }

    public Optional<Complaint> find(long id) {
        return jdbc.sql("SELECT id, version, " + COLUMNS + " FROM complaint WHERE id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** One page of the complaints registered by or assigned to the given units, newest first. */
    public List<Complaint> search(Collection<Long> orgs, ComplaintStatus status, ComplaintChannel channel, Boolean overdue,
                                  LocalDate today, int offset, int limit) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return filter(jdbc.sql("SELECT id, version, " + COLUMNS + " FROM complaint" + where(status, channel, overdue)
                + " ORDER BY received_on DESC, id DESC LIMIT :limit OFFSET :offset"), orgs, status, channel, overdue, today)
                .param("limit", limit).param("offset", offset).query(this::map).list();
    }

    public long count(Collection<Long> orgs, ComplaintStatus status, ComplaintChannel channel, Boolean overdue, LocalDate today) {
        if (orgs.isEmpty()) {
            return 0;
        }
        return filter(jdbc.sql("SELECT count(*) FROM complaint" + where(status, channel, overdue)), orgs, status, channel,
                overdue, today).query(Long.class).single();
    }

    static final String OVERDUE = "((status = 'RECEIVED' AND accept_due < :today) OR (status = 'ACCEPTED' AND close_due < :today))";

    private static String where(ComplaintStatus status, ComplaintChannel channel, Boolean overdue) {
        return " WHERE (organization_id IN (:orgs) OR assigned_unit_id IN (:orgs))"
                + (status == null ? "" : " AND status = :status")
                + (channel == null ? "" : " AND channel = :channel")
                + (overdue == null ? "" : overdue ? " AND " + OVERDUE : " AND NOT " + OVERDUE);
    }

    private static JdbcClient.StatementSpec filter(JdbcClient.StatementSpec spec, Collection<Long> orgs, ComplaintStatus status,
                                                   ComplaintChannel channel, Boolean overdue, LocalDate today) {
        spec = spec.param("orgs", orgs);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (channel != null) {
            spec = spec.param("channel", channel.name());
        }
        if (overdue != null) {
            spec = spec.param("today", today);
        }
        return spec;
    }

    /** Per channel in the year (by date received): duplicates are not counted. Every channel is listed. */
    public List<ChannelStatistics> statistics(Collection<Long> orgs, int year) {
        Map<ComplaintChannel, ChannelStatistics> rows = new EnumMap<>(ComplaintChannel.class);
        if (!orgs.isEmpty()) {
            jdbc.sql("""
                            SELECT channel, count(*),
                              count(*) FILTER (WHERE accepted_on IS NOT NULL),
                              count(*) FILTER (WHERE status = 'CLOSED'),
                              count(*) FILTER (WHERE status = 'CLOSED' AND closed_on <= close_due)
                            FROM complaint
                            WHERE (organization_id IN (:orgs) OR assigned_unit_id IN (:orgs)) AND status <> 'DUPLICATE'
                              AND received_on BETWEEN :from AND :to
                            GROUP BY channel""")
                    .param("orgs", orgs).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .query((rs, n) -> {
                        ComplaintChannel ch = ComplaintChannel.valueOf(rs.getString(1));
                        return rows.put(ch, new ChannelStatistics(ch, ch.label(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5)));
                    }).list();
        }
        List<ChannelStatistics> all = new ArrayList<>();
        for (ComplaintChannel ch : ComplaintChannel.values()) {
            all.add(rows.getOrDefault(ch, new ChannelStatistics(ch, ch.label(), 0, 0, 0, 0)));
        }
        return all;
    }

    /** A complaint of the year as {@link #statistics} counts it: its unit, its assigned unit, closed, closed on time. */
    public record Counted(long organizationId, Long assignedUnitId, boolean closed, boolean closedOnTime) {

        public boolean in(Collection<Long> orgs) {
            return orgs.contains(organizationId) || assignedUnitId != null && orgs.contains(assignedUnitId);
        }
    }

    /** Every complaint of the year (by date received, duplicates left out) of or assigned to {@code orgs}, in one query. */
    public List<Counted> counted(Collection<Long> orgs, int year) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT organization_id, assigned_unit_id, status = 'CLOSED',
                          status = 'CLOSED' AND closed_on <= close_due
                        FROM complaint
                        WHERE (organization_id IN (:orgs) OR assigned_unit_id IN (:orgs)) AND status <> 'DUPLICATE'
                          AND received_on BETWEEN :from AND :to""")
                .param("orgs", orgs).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Counted(rs.getLong(1), (Long) rs.getObject(2), rs.getBoolean(3), rs.getBoolean(4))).list();
    }

    public int purgeDemo() {
        jdbc.sql("UPDATE complaint SET duplicate_of = NULL WHERE demo").update();
        return jdbc.sql("DELETE FROM complaint WHERE demo").update();
    }

    private Complaint map(ResultSet rs, int n) throws SQLException {
        Complaint c = new Complaint();
        c.id = rs.getLong("id");
        c.version = rs.getInt("version");
        c.organizationId = rs.getLong("organization_id");
        c.channel = ComplaintChannel.valueOf(rs.getString("channel"));
        c.receivedOn = rs.getObject("received_on", LocalDate.class);
        c.content = rs.getString("content");
        c.enterpriseId = (Long) rs.getObject("enterprise_id");
        c.enterpriseName = rs.getString("enterprise_name");
        c.reporterName = rs.getString("reporter_name");
        c.reporterPhone = cipher.open(REPORTER_PHONE, rs.getString("reporter_phone"));
        c.anonymous = rs.getBoolean("anonymous");
        c.status = ComplaintStatus.valueOf(rs.getString("status"));
        c.acceptDue = rs.getObject("accept_due", LocalDate.class);
        c.closeDue = rs.getObject("close_due", LocalDate.class);
        c.dueProvisional = rs.getBoolean("due_provisional");
        c.duplicateOf = (Long) rs.getObject("duplicate_of");
        c.acceptedOn = rs.getObject("accepted_on", LocalDate.class);
        c.rejectedOn = rs.getObject("rejected_on", LocalDate.class);
        c.rejectReason = rs.getString("reject_reason");
        c.assignedUnitId = (Long) rs.getObject("assigned_unit_id");
        String followUp = rs.getString("follow_up");
        c.followUp = followUp == null ? null : Complaint.FollowUp.valueOf(followUp);
        c.followUpNote = rs.getString("follow_up_note");
        c.reply = rs.getString("reply");
        c.repliedOn = rs.getObject("replied_on", LocalDate.class);
        c.closedOn = rs.getObject("closed_on", LocalDate.class);
        c.result = rs.getString("result");
        String reward = rs.getString("reward_status");
        c.rewardStatus = reward == null ? null : Complaint.RewardStatus.valueOf(reward);
        c.rewardFineYuan = rs.getBigDecimal("reward_fine_yuan");
        c.rewardYuan = rs.getBigDecimal("reward_yuan");
        c.rewardBasis = rs.getString("reward_basis");
        c.rewardApprovedOn = rs.getObject("reward_approved_on", LocalDate.class);
        c.rewardPaidOn = rs.getObject("reward_paid_on", LocalDate.class);
        c.registeredBy = rs.getLong("registered_by");
        c.demo = rs.getBoolean("demo");
        return c;
    }
}
