package cn.zhifa.training.internal;

import cn.zhifa.inspection.DemoActor;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.inspection.TaskView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo 逢查必考: officer1 and officer2 are back, under the annual plan, at four key firms of their earlier inspections this month and, during the
 * visit (the record still a draft), test the principal or the safety manager as the phone does: the person, the draw
 * from the firm's 应知应会 set, the answers and the score — two pass, two fall below the pass mark. Runs after
 * inspection's demo (order 50) and the 题库 ({@link TrainingDemoData}, order 33), last of all so that no other module's
 * demo sees these open visits; skipped when demo quizzes exist.
 */
@Component
class SpotQuizDemoData implements DemoDataLoader {

    /** Who answers at each visit and how many answers are wrong (of five): 100, 80, 40 and 20 points. */
    private static final List<Taker> TAKERS = List.of(new Taker("王建国", "主要负责人", 0), new Taker("李秀梅", "安全管理人员", 1),
            new Taker("赵志强", "主要负责人", 3), new Taker("孙丽华", "安全管理人员", 4));

    private record Taker(String name, String post, int wrong) {
    }

    private final SpotQuizzes quizzes;
    private final InspectionManagement inspections;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;

    SpotQuizDemoData(SpotQuizzes quizzes, InspectionManagement inspections, UserManagement users, JdbcClient jdbc, Clock clock) {
        this.quizzes = quizzes;
        this.inspections = inspections;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 99;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM spot_quiz WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        Optional<UserView> a = users.findByUsername("officer1");
        Optional<UserView> b = users.findByUsername("officer2");
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        DemoActor officer = DemoActor.of(a.get());
        officer.run(() -> takeQuizzes(officer, List.of(a.get().id(), b.get().id())));
    }

    private void takeQuizzes(DemoActor officer, List<Long> team) {
        LocalDate today = LocalDate.now(clock.withZone(SpotQuizzes.ZONE));
        List<TaskView> planned = plannedVisits(officer.organizationId(), today);
        for (int i = 0; i < Math.min(planned.size(), TAKERS.size()); i++) {
            Taker taker = TAKERS.get(i);
            TaskView earlier = planned.get(i);
            long task = inspections.createTask(new NewTask(TaskSource.PLAN, earlier.sourceRef(), earlier.enterpriseId(),
                    InspectionKind.KEY, InspectionMode.ON_SITE, team, YearMonth.from(today), null, false), officer, true).id();
            long record = inspections.startRecord(task, officer, true);
            SpotQuizzes.Quiz quiz = quizzes.draw(record, new SpotQuizzes.Draw(taker.name(), taker.post(), null, null));
            List<Question> questions = quizzes.questions(quiz);
            Map<Long, String> answers = new LinkedHashMap<>();
            for (int k = 0; k < questions.size(); k++) {
                Question q = questions.get(k);
                answers.put(q.id(), k < taker.wrong() ? wrong(q) : q.answer());
            }
            quizzes.answer(record, answers);
        }
    }

    /**
     * The annual plan's tasks behind the unit's submitted inspections this year (last year in early January), newest
     * first, one a firm: the key firms the plan visits again, under the same plan.
     */
    private List<TaskView> plannedVisits(long unit, LocalDate today) {
        Set<Long> firms = new LinkedHashSet<>();
        List<TaskView> planned = new ArrayList<>();
        for (int year : List.of(today.getYear(), today.getYear() - 1)) {
            for (InspectionRecord record : inspections.submittedRecords(unit, year, 40)) {
                TaskView task = inspections.task(record.getTaskId());
                if (task.source() == TaskSource.PLAN && firms.add(task.enterpriseId())) {
                    planned.add(task);
                }
            }
        }
        return planned;
    }

    private static String wrong(Question q) {
        return q.answer().startsWith("A") ? "B" : "A";
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM spot_quiz WHERE demo").update();
    }
}
