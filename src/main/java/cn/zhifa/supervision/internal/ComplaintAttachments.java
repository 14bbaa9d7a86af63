package cn.zhifa.supervision.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which evidence files belong to a complaint (table {@code complaint_attachment}); the files live in the evidence module. */
@Component
public class ComplaintAttachments {

    private final JdbcClient jdbc;

    ComplaintAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long complaintId, long evidenceId, long userId, Instant at) {
        jdbc.sql("INSERT INTO complaint_attachment (complaint, evidence_id, attached_by, attached_at) VALUES (:c, :e, :u, :at)")
                .param("c", complaintId).param("e", evidenceId).param("u", userId).param("at", Timestamp.from(at)).update();
    }

    public List<Long> evidenceIds(long complaintId) {
        return jdbc.sql("SELECT evidence_id FROM complaint_attachment WHERE complaint = :c ORDER BY id")
                .param("c", complaintId).query(Long.class).list();
    }
}
