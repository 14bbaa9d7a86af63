package cn.zhifa.publicity.internal;

import cn.zhifa.casework.CaseEvent;
import cn.zhifa.documents.Authority;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.inspection.InspectionRecorded;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriods;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.InspectionTasksDrawn;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.web.Page;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双随机 一公开: the firms each month's draw picked (planning's {@link InspectionTasksDrawn}) and, once inspected, the
 * result (inspection's {@link InspectionRecorded}; the hazards registered from the record, counted by the hazard module
 * when read, were ordered to be rectified; casework's
 * {@link CaseEvent.CaseFiled}: a case filed against the firm after the inspection). A result is on the portal as soon
 * as it is known; the day it must be public by (the configured period from the inspection) is kept with it. The
 * listeners run in the publishing transaction (like the decisions' publication), so a result never precedes its draw.
 */
@Component
public class RandomCheckResults {

    /** How long after a drawn firm's inspection a case filed against it counts as the inspection's 立案查处. */
    static final int CASE_WINDOW_DAYS = 180;

    /** One drawn firm as the public reads it. */
    public record RandomCheck(String month, String item, String enterpriseName, String uscc, String authority,
                              LocalDate inspectedOn, String result) {
    }

    private final JdbcClient jdbc;
    private final EnterpriseManagement enterprises;
    private final DocumentManagement documents;
    private final OrganizationManagement organizations;
    private final StatutoryPeriods periods;
    private final HazardManagement hazards;

    RandomCheckResults(JdbcClient jdbc, EnterpriseManagement enterprises, DocumentManagement documents,
                       OrganizationManagement organizations, StatutoryPeriods periods, HazardManagement hazards) {
        this.hazards = hazards;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.documents = documents;
        this.organizations = organizations;
        this.periods = periods;
    }

    @EventListener
    public void on(InspectionTasksDrawn drawn) {
        String authority = documents.authorityFor(drawn.organizationId()).map(Authority::name)
                .or(() -> organizations.find(drawn.organizationId()).map(OrganizationView::name)).orElse("");
        for (InspectionTasksDrawn.Task task : drawn.tasks()) {
            EnterpriseSummary firm = enterprises.find(task.enterpriseId()).orElse(null);
            jdbc.sql("""
                            INSERT INTO publicity_random_check (draw_id, organization_id, draw_month, item_name, enterprise_id,
                              enterprise_name, uscc, authority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (draw_id, enterprise_id) DO NOTHING""")
                    .params(drawn.drawId(), drawn.organizationId(), drawn.month().toString(),
                            drawn.itemName() == null ? "" : drawn.itemName(), task.enterpriseId(),
                            firm == null ? "" : firm.name(), firm == null ? null : firm.uscc(), authority)
                    .update();
        }
    }

    /**
     * The first record of a drawn firm's inspection (a correction changes nothing here) gives its result. hazard_count keeps
     * the failed items as submitted, for the record; the public count is the hazards registered from the record, read when shown.
     */
    @EventListener
    public void on(InspectionRecorded recorded) {
        if (recorded.source() != TaskSource.DRAW || recorded.correctionOf() != null) {
            return;
        }
        LocalDate due = periods.due(PeriodCode.DOUBLE_RANDOM_RESULT_PUBLICATION, recorded.date()).due();
        jdbc.sql("""
                        UPDATE publicity_random_check SET inspected_on = :on, record_id = :record, hazard_count = :hazards,
                          result_due_on = :due
                        WHERE id = (SELECT id FROM publicity_random_check WHERE enterprise_id = :firm AND inspected_on IS NULL
                          AND draw_month <= :month ORDER BY draw_month DESC, id DESC LIMIT 1)""")
                .param("on", recorded.date()).param("record", recorded.recordId()).param("hazards", recorded.failedItems())
                .param("due", due).param("firm", recorded.enterpriseId()).param("month", YearMonth.from(recorded.date()).toString())
                .update();
    }

    /** A case filed against a drawn firm within the window after its inspection is that inspection's 立案查处. */
    @EventListener
    public void on(CaseEvent.CaseFiled filed) {
        if (filed.enterpriseId() == null) {
            return;
        }
        jdbc.sql("""
                        UPDATE publicity_random_check SET case_filed_on = :filed
                        WHERE id = (SELECT id FROM publicity_random_check WHERE enterprise_id = :firm AND case_filed_on IS NULL
                          AND inspected_on IS NOT NULL AND inspected_on <= :filed AND inspected_on >= :earliest
                          ORDER BY inspected_on DESC, id DESC LIMIT 1)""")
                .param("filed", filed.filedOn()).param("firm", filed.enterpriseId())
                .param("earliest", filed.filedOn().minusDays(CASE_WINDOW_DAYS)).update();
    }

    /** The month's drawn firms, by authority and item, each with its result once inspected. */
    @Transactional(readOnly = true)
    public Page<RandomCheck> month(YearMonth month, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM publicity_random_check WHERE draw_month = ?").param(month.toString())
                .query(Long.class).single();
        record Row(String month, String item, String enterpriseName, String uscc, String authority, LocalDate inspectedOn,
                   Long recordId, LocalDate caseFiledOn) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT * FROM publicity_random_check WHERE draw_month = ?
                        ORDER BY authority, item_name, enterprise_name, id LIMIT ? OFFSET ?""")
                .params(month.toString(), size, (long) page * size)
                .query((rs, i) -> new Row(rs.getString("draw_month"), rs.getString("item_name"), rs.getString("enterprise_name"),
                        rs.getString("uscc"), rs.getString("authority"), rs.getObject("inspected_on", LocalDate.class),
                        (Long) rs.getObject("record_id"), rs.getObject("case_filed_on", LocalDate.class)))
                .list();
        // the hazards registered from each record (free findings added later included), not the failed checklist items
        Map<Long, Integer> registered = hazards.countsByRecord(rows.stream().map(Row::recordId).filter(Objects::nonNull).toList());
        List<RandomCheck> items = rows.stream().map(r -> new RandomCheck(r.month(), r.item(), r.enterpriseName(), r.uscc(),
                r.authority(), r.inspectedOn(), result(r.inspectedOn(), r.recordId() == null ? null
                : registered.getOrDefault(r.recordId(), 0), r.caseFiledOn()))).toList();
        return new Page<>(items, page, size, total);
    }

    /** The months that have draws, newest first. */
    @Transactional(readOnly = true)
    public List<String> months() {
        return jdbc.sql("SELECT DISTINCT draw_month FROM publicity_random_check ORDER BY draw_month DESC").query(String.class).list();
    }

    static String result(LocalDate inspectedOn, Integer hazards, LocalDate caseFiledOn) {
        if (inspectedOn == null) {
            return "待检查";
        }
        if (caseFiledOn != null) {
            return "立案查处";
        }
        if (hazards != null && hazards > 0) {
            return "发现隐患 " + hazards + " 项，已责令整改";
        }
        return "未发现问题";
    }
}
