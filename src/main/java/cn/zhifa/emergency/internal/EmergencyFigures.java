package cn.zhifa.emergency.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.WorkFigure;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emergency figures of the annual report (seed 003: 20 支区级专业应急队伍共 4400 余人, 72 + 171 个预案, 近 400 人的灾害信息员
 * 队伍, 13 个加油站投保安责险): the registers as they stand for teams, plans, materials and 信息员, drills held in the year,
 * firms insured on some day of the year.
 */
@Component
class EmergencyFigures implements FigureSource {

    static final String SECTION = "应急管理";

    private final JdbcClient jdbc;
    private final InsuranceBook insurance;

    EmergencyFigures(JdbcClient jdbc, InsuranceBook insurance) {
        this.jdbc = jdbc;
        this.insurance = insurance;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long[] teams = pair("SELECT count(*), coalesce(sum(members), 0) FROM rescue_team WHERE organization_id IN (:orgs)",
                organizationIds, from, to);
        long[] drills = pair("SELECT count(*), coalesce(sum(participants), 0) FROM emergency_drill WHERE organization_id IN (:orgs) "
                + "AND drilled_on BETWEEN :from AND :to", organizationIds, from, to);
        return List.of(
                WorkFigure.count(SECTION, "应急救援队伍", teams[0], "支"),
                WorkFigure.count(SECTION, "救援队员", teams[1], "人"),
                WorkFigure.count(SECTION, "应急预案", count("emergency_plan", organizationIds), "个"),
                WorkFigure.count(SECTION, "开展应急演练", drills[0], "次"),
                WorkFigure.count(SECTION, "参演", drills[1], "人次"),
                WorkFigure.count(SECTION, "储备应急物资", count("emergency_material", organizationIds), "种"),
                WorkFigure.count(SECTION, "灾害信息员", count("disaster_informant", organizationIds), "人"),
                WorkFigure.count(SECTION, "投保安责险企业", insurance.insuredFirms(year, organizationIds), "家"));
    }

    private long count(String table, Collection<Long> orgs) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE organization_id IN (:orgs)").param("orgs", orgs)
                .query(Long.class).single();
    }

    private long[] pair(String sql, Collection<Long> orgs, LocalDate from, LocalDate to) {
        var statement = jdbc.sql(sql).param("orgs", orgs);
        if (sql.contains(":from")) {
            statement = statement.param("from", from).param("to", to);
        }
        return statement.query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }
}
