package cn.zhifa.publicity.internal;

import cn.zhifa.hazard.HazardClosed;
import cn.zhifa.hazard.HazardExposed;
import cn.zhifa.hazard.HazardStatus;
import cn.zhifa.shared.web.Page;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 隐患曝光台: the hazards a leader flagged 曝光, as hazard announced them (firm, hazard, level, the day found), with
 * their state following hazard's events (整改中 → 已销号); taking the flag back takes the hazard off the board.
 * Personal data in the description is masked when read.
 */
@Component
public class ExposureBoard {

    /** A hazard on the public board. */
    public record Exposure(String enterpriseName, String level, String description, LocalDate foundOn, String status,
                           LocalDate exposedOn) {
    }

    private final JdbcClient jdbc;

    ExposureBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional
    public void on(HazardExposed exposed) {
        if (!exposed.exposed()) {
            jdbc.sql("UPDATE publicity_exposure SET withdrawn_on = ? WHERE hazard_id = ? AND withdrawn_on IS NULL")
                    .params(exposed.on(), exposed.hazardId()).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO publicity_exposure (hazard_id, organization_id, enterprise_id, enterprise_name, level_label,
                          description, found_on, status, exposed_on, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (hazard_id) DO UPDATE SET status = EXCLUDED.status, exposed_on = EXCLUDED.exposed_on,
                          withdrawn_on = NULL""")
                .params(exposed.hazardId(), exposed.organizationId(), exposed.enterpriseId(), exposed.enterpriseName(),
                        exposed.level().label(), exposed.description(), exposed.foundOn(), exposed.status(), exposed.on(),
                        exposed.demo())
                .update();
    }

    @EventListener
    @Transactional
    public void on(HazardClosed closed) {
        jdbc.sql("UPDATE publicity_exposure SET status = ? WHERE hazard_id = ?")
                .params(HazardStatus.CLOSED.label(), closed.hazardId()).update();
    }

    /** The board today, newest first; searchable by firm or hazard. */
    @Transactional(readOnly = true)
    public Page<Exposure> page(String q, int page, int size) {
        String like = q == null || q.isBlank() ? null : "%" + q.strip().replace("%", "").replace("_", "") + "%";
        String where = " WHERE withdrawn_on IS NULL" + (like == null ? "" : " AND (enterprise_name LIKE :like OR description LIKE :like)");
        Map<String, Object> params = new LinkedHashMap<>();
        if (like != null) {
            params.put("like", like);
        }
        long total = jdbc.sql("SELECT count(*) FROM publicity_exposure" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Exposure> items = jdbc.sql("SELECT * FROM publicity_exposure" + where
                        + " ORDER BY exposed_on DESC, hazard_id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, i) -> new Exposure(rs.getString("enterprise_name"), rs.getString("level_label"),
                        PersonalData.mask(rs.getString("description")), rs.getObject("found_on", LocalDate.class),
                        rs.getString("status"), rs.getObject("exposed_on", LocalDate.class)))
                .list();
        return new Page<>(items, page, size, total);
    }

    void purgeDemo() {
        jdbc.sql("DELETE FROM publicity_exposure WHERE demo").update();
    }
}
