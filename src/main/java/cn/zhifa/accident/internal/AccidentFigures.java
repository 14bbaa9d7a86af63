package cn.zhifa.accident.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.WorkFigure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accident figures of the annual report, dashboard and workbook: accidents and deaths by grade (by the year the
 * accident occurred), reports approved (批复, 事故调查结案), evaluations done and accident cases proposed (by the year of
 * the act).
 */
@Component
class AccidentFigures implements FigureSource {

    static final String SECTION = "生产安全事故调查处理";

    private final JdbcClient jdbc;

    AccidentFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        List<WorkFigure> out = new ArrayList<>();
        var occurred = count("SELECT count(*) AS n, COALESCE(sum(deaths), 0) AS d FROM accident WHERE organization_id IN (:units) "
                + "AND EXTRACT(YEAR FROM occurred_at) = :year", year, organizationIds);
        out.add(WorkFigure.count(SECTION, "发生生产安全事故", occurred[0], "起"));
        out.add(WorkFigure.count(SECTION, "死亡", occurred[1], "人"));
        for (cn.zhifa.law.AccidentGrade grade : cn.zhifa.law.AccidentGrade.values()) {
            var g = count("SELECT count(*) AS n, COALESCE(sum(deaths), 0) AS d FROM accident WHERE organization_id IN (:units) "
                    + "AND EXTRACT(YEAR FROM occurred_at) = :year AND grade = '" + grade.name() + "'", year, organizationIds);
            out.add(WorkFigure.count(SECTION, grade.label(), g[0], "起"));
            out.add(WorkFigure.count(SECTION, grade.label() + "死亡", g[1], "人"));
        }
        out.add(WorkFigure.count(SECTION, "事故调查报告批复（结案）", count("SELECT count(*) AS n, 0 AS d FROM accident "
                + "WHERE organization_id IN (:units) AND EXTRACT(YEAR FROM approved_on) = :year", year, organizationIds)[0], "起"));
        out.add(WorkFigure.count(SECTION, "完成整改和防范措施落实情况评估", count("SELECT count(*) AS n, 0 AS d FROM accident "
                + "WHERE organization_id IN (:units) AND EXTRACT(YEAR FROM evaluated_on) = :year", year, organizationIds)[0], "起"));
        out.add(WorkFigure.count(SECTION, "依据事故调查报告批复提出处罚案件", count("SELECT count(*) AS n, 0 AS d FROM accident_case c "
                + "JOIN accident a ON a.id = c.accident_id WHERE a.organization_id IN (:units) "
                + "AND EXTRACT(YEAR FROM a.approved_on) = :year", year, organizationIds)[0], "件"));
        return out;
    }

    private long[] count(String sql, int year, Collection<Long> units) {
        return jdbc.sql(sql).param("units", units).param("year", year)
                .query((rs, n) -> new long[]{rs.getLong("n"), rs.getLong("d")}).single();
    }
}
