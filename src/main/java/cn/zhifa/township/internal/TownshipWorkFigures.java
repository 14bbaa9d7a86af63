package cn.zhifa.township.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.PeriodReport;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.township.PowerMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * 乡镇（街道）执法 in the annual report: the powers townships held by 赋权 and 委托 in the year, and the inspections and
 * cases of those townships (their own records, from reporting's 统计报表 read model).
 */
@Component
class TownshipWorkFigures implements FigureSource {

    static final String SECTION = "乡镇（街道）执法";

    private final TownshipPowers powers;
    private final ObjectProvider<ReportingManagement> reporting;

    TownshipWorkFigures(TownshipPowers powers, ObjectProvider<ReportingManagement> reporting) {
        this.powers = powers;
        this.reporting = reporting;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        List<Long> townships = powers.townshipsWithPowers(organizationIds);
        if (townships.isEmpty()) {
            return List.of();
        }
        Map<PowerMode, Long> held = powers.heldInYear(year, townships);
        PeriodReport.Period period = new PeriodReport.Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                year + "年", String.valueOf(year));
        long visits = 0;
        long filed = 0;
        for (long township : townships) {
            PeriodReport.Row total = reporting.getObject().periodReport(period, township).total();
            visits += total.visits();
            filed += total.filedEnforcement() + total.filedAccident();
        }
        return List.of(
                WorkFigure.count(SECTION, "赋权执法的街道（乡镇）", townships.size(), "个"),
                WorkFigure.count(SECTION, "乡镇赋权事项", held.get(PowerMode.GRANTED), "项"),
                WorkFigure.count(SECTION, "乡镇受委托事项", held.get(PowerMode.ENTRUSTED), "项"),
                WorkFigure.count(SECTION, "乡镇执法检查", visits, "家次"),
                WorkFigure.count(SECTION, "乡镇立案", filed, "件"));
    }
}
