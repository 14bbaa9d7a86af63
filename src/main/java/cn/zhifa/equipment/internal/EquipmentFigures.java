package cn.zhifa.equipment.internal;

import cn.zhifa.equipment.EquipmentKind;
import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.WorkFigure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The equipment figures of the annual report, dashboard and workbook: the items in use or under repair at the end of
 * the year (purchased by then, not scrapped), by kind. The register keeps the current status only, so a past year reads
 * the items as they stand now.
 */
@Component
class EquipmentFigures implements FigureSource {

    static final String SECTION = "执法装备";

    private final JdbcClient jdbc;

    EquipmentFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        Map<String, Long> byKind = jdbc.sql("""
                        SELECT kind, count(*) AS n FROM equipment WHERE organization_id IN (:units) AND status <> 'SCRAPPED'
                        AND (purchased_on IS NULL OR EXTRACT(YEAR FROM purchased_on) <= :year) GROUP BY kind""")
                .param("units", organizationIds).param("year", year)
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<WorkFigure> out = new ArrayList<>();
        for (EquipmentKind kind : EquipmentKind.values()) {
            out.add(WorkFigure.count(SECTION, "配备" + kind.label(), byKind.getOrDefault(kind.name(), 0L), kind.measure()));
        }
        return out;
    }
}
