package cn.zhifa.supervision.internal;

import cn.zhifa.supervision.InterviewView;
import cn.zhifa.supervision.SupervisionOrderView;
import cn.zhifa.supervision.SupervisionOrderView.SubjectKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** 督办单 and 约谈 records (tables {@code supervision_order}, {@code supervision_interview}). */
@Component
public class OrderBook {

    /** A 督办单 as stored. */
    public record Order(long id, long organizationId, long issuedByOrg, SubjectKind subjectKind, Long subjectId,
                        String subjectLabel, String demand, LocalDate issuedOn, LocalDate replyDue, String reply,
                        LocalDate repliedOn, int version) {

        public boolean overdueOn(LocalDate today) {
            return reply == null && today.isAfter(replyDue);
        }
    }

    private final JdbcClient jdbc;

    OrderBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long issue(long organizationId, long issuedByOrg, SubjectKind kind, Long subjectId, String subjectLabel,
                      String demand, LocalDate issuedOn, LocalDate replyDue, long issuedBy, boolean demo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO supervision_order (organization_id, issued_by_org, subject_kind, subject_id, subject_label,
                          demand, issued_on, reply_due, issued_by, demo)
                        VALUES (:org, :by_org, :kind, :subject, :label, :demand, :issued, :due, :by, :demo)""")
                .param("org", organizationId).param("by_org", issuedByOrg).param("kind", kind.name())
                .param("subject", subjectId).param("label", subjectLabel).param("demand", demand)
                .param("issued", issuedOn).param("due", replyDue).param("by", issuedBy).param("demo", demo)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void reply(long id, int version, String reply, LocalDate on, long by) {
        int updated = jdbc.sql("UPDATE supervision_order SET reply = :reply, replied_on = :on, replied_by = :by, "
                        + "version = version + 1 WHERE id = :id AND version = :version AND reply IS NULL")
                .param("reply", reply).param("on", on).param("by", by).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("supervision_order " + id);
        }
    }

    public Optional<Order> find(long id) {
        return jdbc.sql("SELECT * FROM supervision_order WHERE id = :id").param("id", id).query(OrderBook::order).optional();
    }

    /** The orders addressed to the given units or issued by them, newest first. */
    public List<Order> orders(Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM supervision_order WHERE organization_id IN (:orgs) OR issued_by_org IN (:orgs) "
                + "ORDER BY issued_on DESC, id DESC").param("orgs", orgs).query(OrderBook::order).list();
    }

    public long recordInterview(long organizationId, LocalDate heldOn, String interviewees, String reason, String commitments,
                                long recordedBy, boolean demo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO supervision_interview (organization_id, held_on, interviewees, reason, commitments, recorded_by, demo)
                        VALUES (:org, :held, :who, :reason, :commitments, :by, :demo)""")
                .param("org", organizationId).param("held", heldOn).param("who", interviewees).param("reason", reason)
                .param("commitments", commitments).param("by", recordedBy).param("demo", demo).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<InterviewView> interviews(Collection<Long> orgs, LongFunction<String> unitName) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM supervision_interview WHERE organization_id IN (:orgs) ORDER BY held_on DESC, id DESC")
                .param("orgs", orgs)
                .query((rs, n) -> new InterviewView(rs.getLong("id"), rs.getLong("organization_id"),
                        unitName.apply(rs.getLong("organization_id")), rs.getObject("held_on", LocalDate.class),
                        rs.getString("interviewees"), rs.getString("reason"), rs.getString("commitments")))
                .list();
    }

    public void purgeDemo() {
        jdbc.sql("DELETE FROM supervision_order WHERE demo").update();
        jdbc.sql("DELETE FROM supervision_interview WHERE demo").update();
    }

    private static Order order(ResultSet rs, int n) throws SQLException {
        return new Order(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("issued_by_org"),
                SubjectKind.valueOf(rs.getString("subject_kind")), (Long) rs.getObject("subject_id"),
                rs.getString("subject_label"), rs.getString("demand"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("reply_due", LocalDate.class), rs.getString("reply"),
                rs.getObject("replied_on", LocalDate.class), rs.getInt("version"));
    }
}
