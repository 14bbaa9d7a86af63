package cn.zhifa.publicity.internal;

import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The 典型案例 approvals: which published decision, the lesson, who approved it and when. */
@Component
public class TypicalCases {

    public static final int LESSON_MIN = 20;
    public static final int LESSON_MAX = 2000;

    /** One approval. */
    public record Approval(long publicationId, String lesson, String approvedBy, LocalDate approvedOn) {
    }

    private final JdbcClient jdbc;

    TypicalCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Approves (or re-words) the publication as a typical case; only a decision on the portal today may be one. */
    public void approve(Publication p, String lesson, String by, LocalDate today, boolean demo) {
        if (!p.publicOn(today)) {
            throw new RuleViolation("只有正在公示的处罚决定可以作为典型案例公开。");
        }
        String text = lesson == null ? "" : lesson.strip();
        if (text.length() < LESSON_MIN) {
            throw new RuleViolation("请用文字写明案例的警示意义（不少于 " + LESSON_MIN + " 字）。");
        }
        if (text.length() > LESSON_MAX) {
            throw new RuleViolation("警示意义不能超过 " + LESSON_MAX + " 字。");
        }
        jdbc.sql("""
                        INSERT INTO publicity_typical_case (publication_id, lesson, approved_by, approved_on, demo) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (publication_id) DO UPDATE SET lesson = EXCLUDED.lesson, approved_by = EXCLUDED.approved_by,
                          approved_on = EXCLUDED.approved_on""")
                .params(p.id(), text, by, today, demo).update();
    }

    public boolean remove(long publicationId) {
        return jdbc.sql("DELETE FROM publicity_typical_case WHERE publication_id = ?").param(publicationId).update() > 0;
    }

    public List<Approval> all() {
        return jdbc.sql("SELECT * FROM publicity_typical_case ORDER BY approved_on DESC, publication_id DESC")
                .query((rs, i) -> new Approval(rs.getLong("publication_id"), rs.getString("lesson"), rs.getString("approved_by"),
                        rs.getObject("approved_on", LocalDate.class))).list();
    }

    /** Which of the publications are typical cases. */
    public Set<Long> among(Collection<Long> publicationIds) {
        if (publicationIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT publication_id FROM publicity_typical_case WHERE publication_id IN (:ids)")
                .param("ids", publicationIds).query(Long.class).list().stream().collect(Collectors.toSet());
    }

    boolean anyDemo() {
        return jdbc.sql("SELECT count(*) FROM publicity_typical_case WHERE demo").query(Long.class).single() > 0;
    }

    void purgeDemo() {
        jdbc.sql("DELETE FROM publicity_typical_case WHERE demo").update();
    }
}
