package cn.zhifa.publicity.internal;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.casework.PenaltyDecisionRecorded;
import cn.zhifa.publicity.Channel;
import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The state changes of publications, each inside the caller's transaction. */
@Component
public class PublicationCommands {

    private final Publications publications;
    private final PublicityPeriods periods;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PublicationCommands(Publications publications, PublicityPeriods periods, JdbcClient jdbc, AuditTrail audit) {
        this.publications = publications;
        this.periods = periods;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Records the decision as awaiting publication; a second delivery of the same decision adds nothing. */
    public void record(PenaltyDecisionRecorded decision, String authority) {
        DecisionFacts facts = DecisionFacts.of(decision);
        publications.insert(Publication.awaiting(facts, authority, periods.publicationDue(facts.decidedOn())));
    }

    public Publication publish(long id, Set<Channel> channels, String by, LocalDate today) {
        Publication p = load(id);
        p.publish(today, channels, by, periods.expiresOn(p.decidedOn()));
        publications.save(p);
        return p;
    }

    public Publication withdraw(long id, LocalDate changedOn, String reason, String by, LocalDate today) {
        Publication p = load(id);
        p.mayWithdraw(today, changedOn, reason).orThrow();
        p.withdraw(today, changedOn, reason, by, periods.withdrawalDue(changedOn));
        publications.save(p);
        return p;
    }

    public void carried(List<Publication> rows, Channel channel, LocalDate today) {
        for (Publication p : rows) {
            p.carriedTo(channel, today);
            publications.save(p);
        }
        audit.record("双公示数据交换", "处罚决定公示", null, AuditRecord.Outcome.SUCCESS,
                "导出并标记报送" + channel.label() + rows.size() + "条");
    }

    public int sweep(LocalDate today) {
        int raised = 0;
        for (Publication p : publications.query("WHERE p.published_on IS NULL AND p.withdrawn_on IS NULL", java.util.Map.of())) {
            String level = p.overdueOn(today) ? "OVERDUE" : periods.dueSoon(today, p.dueOn()) ? "NEAR" : null;
            if (level == null) {
                continue;
            }
            raised += jdbc.sql("""
                            INSERT INTO publication_warning (publication_id, organization_id, level, due_on, raised_on)
                            VALUES (:id, :org, :level, :due, :today) ON CONFLICT DO NOTHING""")
                    .param("id", p.id()).param("org", p.organizationId()).param("level", level).param("due", p.dueOn())
                    .param("today", today).update();
        }
        if (raised > 0) {
            audit.record("处罚决定公示预警", "处罚决定公示", null, AuditRecord.Outcome.SUCCESS, "新增临期/逾期未公示预警" + raised + "条");
        }
        return raised;
    }

    /** Today's warnings of the given units: {@code [临期, 逾期]}. */
    public long[] warnings(List<Long> orgs, LocalDate today) {
        if (orgs.isEmpty()) {
            return new long[] {0, 0};
        }
        String sql = """
                SELECT count(*) FROM publication_warning w JOIN penalty_publication p ON p.id = w.publication_id
                WHERE w.organization_id IN (:orgs) AND w.raised_on = :today AND w.level = :level
                  AND p.published_on IS NULL AND p.withdrawn_on IS NULL""";
        return new long[] {
                jdbc.sql(sql).param("orgs", orgs).param("today", today).param("level", "NEAR").query(Long.class).single(),
                jdbc.sql(sql).param("orgs", orgs).param("today", today).param("level", "OVERDUE").query(Long.class).single()};
    }

    private Publication load(long id) {
        return publications.find(id).orElseThrow(() -> RuleViolation.notFound("没有该处罚决定的公示记录。"));
    }
}
