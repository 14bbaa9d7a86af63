package cn.zhifa.training.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.WorkFigure;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The year's 执法能力建设 figures for the annual report: 培训 期/人次/学时, 考试 人数/合格, 练兵比武 and awards; and
 * 逢查必考: firms' staff tested during inspections (人次, average score, pass rate).
 */
@Component
class TrainingFigures implements FigureSource {

    static final String SECTION = "执法能力建设";
    static final String SPOT_QUIZ = "逢查必考";

    private final TrainingLog log;
    private final Exams exams;
    private final SpotQuizzes quizzes;

    TrainingFigures(TrainingLog log, Exams exams, SpotQuizzes quizzes) {
        this.log = log;
        this.exams = exams;
        this.quizzes = quizzes;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        BigDecimal[] sessions = log.sessionFigures(year, organizationIds);
        long[] examined = exams.examined(year, organizationIds);
        long[] contests = log.contestFigures(year, organizationIds);
        SpotQuizzes.Row tested = quizzes.figures(year, organizationIds);
        List<WorkFigure> spotQuiz = tested.people() == 0 ? List.of() : List.of(
                WorkFigure.count(SPOT_QUIZ, "考核企业人员", tested.people(), "人次"),
                new WorkFigure(SPOT_QUIZ, "平均得分", tested.averageScore(), "分"),
                new WorkFigure(SPOT_QUIZ, "合格率", tested.passRate(), "%"));
        return java.util.stream.Stream.concat(List.of(
                new WorkFigure(SECTION, "组织执法人员培训", sessions[0], "期"),
                new WorkFigure(SECTION, "参训", sessions[1], "人次"),
                new WorkFigure(SECTION, "培训", sessions[2], "学时"),
                WorkFigure.count(SECTION, "参加考试", examined[0], "人次"),
                WorkFigure.count(SECTION, "考试合格", examined[1], "人次"),
                WorkFigure.count(SECTION, "开展练兵比武", contests[0], "次"),
                WorkFigure.count(SECTION, "获团体奖", contests[1], "项"),
                WorkFigure.count(SECTION, "获个人奖", contests[2], "人次")).stream(), spotQuiz.stream()).toList();
    }
}
