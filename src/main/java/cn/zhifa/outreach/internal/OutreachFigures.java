package cn.zhifa.outreach.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.WorkFigure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The year's 普法 and 服务 figures as the seeds report them: per kind of activity how many were held and how many
 * people they reached (答题 also the units taking part), then 帮扶 visits (家次), experts' participations (人次), the
 * officers who went along with experts and the 提示函 / 警示函 issued.
 */
@Component
class OutreachFigures implements FigureSource {

    static final String LAW_SECTION = "普法宣传";
    static final String SERVICE_SECTION = "执法+普法+服务";

    private final Activities activities;
    private final Experts experts;
    private final Letters letters;

    OutreachFigures(Activities activities, Experts experts, Letters letters) {
        this.activities = activities;
        this.experts = experts;
        this.letters = letters;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        List<WorkFigure> figures = new ArrayList<>();
        Map<ActivityKind, long[]> byKind = activities.totals(year, organizationIds);
        for (ActivityKind kind : ActivityKind.values()) {
            long[] t = byKind.getOrDefault(kind, new long[3]);
            figures.add(WorkFigure.count(LAW_SECTION, kind.countLabel(), t[0], kind.countUnit()));
            if (kind == ActivityKind.QUIZ) {
                figures.add(WorkFigure.count(LAW_SECTION, "参加答题单位", t[2], "个"));
            }
            figures.add(WorkFigure.count(LAW_SECTION, kind.reachLabel(), t[1], kind.reachUnit()));
        }
        long[] visits = experts.totals(year, organizationIds);
        figures.add(WorkFigure.count(SERVICE_SECTION, "走访帮扶企业", visits[0], "家次"));
        figures.add(WorkFigure.count(SERVICE_SECTION, "专家参与帮扶", visits[1], "人次"));
        figures.add(WorkFigure.count(SERVICE_SECTION, "执法人员跟随专家入企", visits[2], "名"));
        Map<LetterKind, Long> letterCounts = letters.totals(year, organizationIds);
        figures.add(WorkFigure.count(SERVICE_SECTION, "下发提示函", letterCounts.getOrDefault(LetterKind.TIP, 0L), "份"));
        figures.add(WorkFigure.count(SERVICE_SECTION, "下发警示函", letterCounts.getOrDefault(LetterKind.WARNING, 0L), "份"));
        return figures;
    }
}
