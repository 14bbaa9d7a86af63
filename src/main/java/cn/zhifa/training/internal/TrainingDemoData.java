package cn.zhifa.training.internal;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo learning: the 60-question 题库 and the 学法清单; the city's training plan with sessions of the 东城区执法大队;
 * a 比武 with a team third prize and three outstanding individuals, a 练兵; the year's 执法证 exam that every demo officer
 * passed 60 days ago, and a periodic exam open today in which zf004 and zf005 fell below the pass mark. Dates are
 * relative to the clock's today.
 */
@Component
class TrainingDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final QuestionBank bank;
    private final Exams exams;
    private final TrainingLog log;
    private final UserManagement users;
    private final Clock clock;

    TrainingDemoData(JdbcClient jdbc, QuestionBank bank, Exams exams, TrainingLog log, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.exams = exams;
        this.log = log;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 33;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM training_question WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        Optional<UserView> leader = users.findByUsername("leader1");
        Optional<UserView> supervisor = users.findByUsername("supervisor1");
        if (leader.isEmpty() || supervisor.isEmpty()) {
            return;
        }
        long city = supervisor.get().organizationId();
        long brigade = leader.get().organizationId();
        LocalDate today = LocalDate.now(clock);
        for (QuestionBank.NewQuestion q : DemoQuestions.all()) {
            bank.insert(q, city, true);
        }
        for (QuestionBank.NewQuestion q : DemoSpotQuestions.all()) {
            bank.insert(q, city, true);
        }
        checklist(city);

        List<UserView> officers = new ArrayList<>();
        for (String name : officerNames()) {
            users.findByUsername(name).ifPresent(officers::add);
        }
        List<UserView> east = officers.stream().filter(o -> o.organizationId() == brigade).toList();
        long plan = jdbc.sql("INSERT INTO training_plan (organization_id, plan_year, title, demo) VALUES (?, ?, ?, TRUE) RETURNING id")
                .params(brigade, today.getYear(), today.getYear() + "年度东城区执法大队执法人员培训计划").query(Long.class).single();
        String[][] sessions = {
                {"新《安全生产法》重点条款解读", "市应急管理局政策法规科 李建华", "8", "150"},
                {"行政处罚法与执法程序规范", "示例市司法局 王海燕", "6", "120"},
                {"危险化学品企业重大事故隐患判定标准", "市安全生产专家库 张志强", "8", "95"},
                {"执法文书制作与案卷评查要点", "市应急管理局执法监督科 陈秀英", "4", "70"},
                {"工贸行业粉尘涉爆与有限空间作业检查实务", "市安全生产专家库 刘国平", "8", "45"},
                {"驻企实操训练：加油站现场检查", "东城区执法大队 周丽娟", "16", "25"}};
        for (String[] s : sessions) {
            LocalDate start = today.minusDays(Long.parseLong(s[3]));
            List<Long> people = east.stream().map(UserView::id).limit(4 + Long.parseLong(s[2]) / 2).toList();
            log.insertSession(new TrainingLog.NewSession(plan, s[0], start, start.plusDays(Long.parseLong(s[2]) > 8 ? 1 : 0),
                    new BigDecimal(s[2]), s[1], people), brigade, true);
        }
        List<Long> awarded = east.stream().map(UserView::id).limit(3).toList();
        log.insertContest(new TrainingLog.NewContest(true, today.getYear() + "年全市应急管理综合行政执法技能比武", today.minusDays(80), 39, 156,
                        "东城区执法大队代表队获团体三等奖，3 名队员获优秀个人。", null, awarded, "优秀个人"),
                List.<String[]>of(new String[]{"东城区执法大队代表队", "团体三等奖"}), awarded, brigade, true);
        log.insertContest(new TrainingLog.NewContest(false, "东城区执法大队危化品检查岗位练兵", today.minusDays(30), 4, east.size(),
                "现场检查模拟和执法文书制作考核，平均 86 分。", null, List.of(), null), List.of(), List.of(), brigade, true);

        List<Question> all = bank.matching(new QuestionBank.Filter(null, null, null, null, null));
        List<DrawRule> certificateRules = List.of(new DrawRule(DemoQuestions.SAFETY, 1, 4), new DrawRule(DemoQuestions.SAFETY, 2, 3),
                new DrawRule(DemoQuestions.PENALTY, 1, 3), new DrawRule(DemoQuestions.PENALTY, 2, 3), new DrawRule(DemoQuestions.COERCION, 2, 3));
        long certificateSeed = 20260601L;
        Exams.NewPaper certificate = new Exams.NewPaper(today.getYear() + "年度行政执法资格考试（执法证考试）", Exams.Purpose.CERTIFICATE,
                certificateRules, 60, today.minusDays(62), today.minusDays(58), certificateSeed);
        long certificatePaper = exams.insertPaper(certificate, certificateSeed, PaperDrawing.draw(all, certificateRules, certificateSeed), city, true);
        List<DrawRule> periodicRules = List.of(new DrawRule(DemoQuestions.SAFETY, 1, 3), new DrawRule(DemoQuestions.SAFETY, 3, 2),
                new DrawRule(DemoQuestions.PENALTY, 2, 3), new DrawRule(DemoQuestions.COERCION, 1, 2));
        long periodicSeed = 20261101L;
        Exams.NewPaper periodic = new Exams.NewPaper("第四季度执法人员法律知识测试", Exams.Purpose.PERIODIC, periodicRules, 30,
                today.minusDays(10), today.plusDays(20), periodicSeed);
        long periodicPaper = exams.insertPaper(periodic, periodicSeed, PaperDrawing.draw(all, periodicRules, periodicSeed), city, true);

        int n = 0;
        for (UserView officer : officers) {
            Instant started = today.minusDays(60).atTime(9, 0).atZone(clock.getZone()).toInstant().plusSeconds(60L * (n % 20));
            sit(certificatePaper, officer, started, 60, n % 4);
            if (!officer.username().equals("officer1") && !officer.username().equals("officer2") && n % 3 != 2) {
                int wrong = officer.username().equals("zf004") ? 6 : officer.username().equals("zf005") ? 5 : n % 3;
                sit(periodicPaper, officer, today.minusDays(5).atTime(14, 0).atZone(clock.getZone()).toInstant(), 30, wrong);
            }
            n++;
        }
    }

    /** An attempt handed in 40 minutes (or the limit) after it started, with {@code wrong} answers wrong. */
    private void sit(long paperId, UserView officer, Instant started, int limitMinutes, int wrong) {
        Exams.Paper paper = exams.paper(paperId);
        List<Question> questions = exams.questions(paper);
        Map<Long, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            answers.put(q.id(), i < wrong ? (q.answer().equals("A") ? "B" : "A") : q.answer());
        }
        Scoring.Result result = Scoring.score(questions, answers, paper.passMark());
        StringBuilder text = new StringBuilder();
        answers.forEach((id, a) -> text.append(id).append('=').append(a).append('\n'));
        Instant submitted = started.plus(Duration.ofMinutes(Math.min(limitMinutes - 2, 25)));
        jdbc.sql("INSERT INTO exam_attempt (paper_id, user_id, user_name, organization_id, started_at, deadline, submitted_at, answers, "
                        + "score, passed, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)")
                .params(paperId, officer.id(), officer.displayName(), officer.organizationId(), Timestamp.from(started),
                        Timestamp.from(started.plus(Duration.ofMinutes(limitMinutes))), Timestamp.from(submitted), text.toString(),
                        result.score(), result.passed())
                .update();
    }

    private void checklist(long city) {
        String[][] items = {
                {"共性", "安全生产法", "第三条、第四条", "安全生产方针和生产经营单位的主体责任"},
                {"共性", "安全生产法", "第六十五条至第七十条", "监督检查的职权、程序和停产停业、停止供电的条件"},
                {"共性", "行政处罚法", "第四十二条至第四十四条", "执法人员不少于两人、出示证件、告知和陈述申辩"},
                {"共性", "行政处罚法", "第五十一条至第五十八条", "简易程序、普通程序和法制审核"},
                {"共性", "行政强制法", "第十八条至第二十八条", "查封扣押的程序、期限和解除"},
                {"危化品执法岗", "危险化学品安全管理条例", "第二十条至第二十四条", "储存场所、专用仓库和重大危险源管理"},
                {"危化品执法岗", "安全生产法", "第三十九条、第四十条", "危险物品和重大危险源的安全管理"},
                {"工贸执法岗", "工贸企业重大事故隐患判定标准", "全文", "粉尘涉爆、有限空间、冶金等重大事故隐患情形"},
                {"工贸执法岗", "安全生产法", "第四十一条", "安全风险分级管控和隐患排查治理双重预防机制"},
                {"法制审核岗", "行政处罚法", "第五十八条", "法制审核的情形、内容和审核人员资格"}};
        for (String[] i : items) {
            jdbc.sql("INSERT INTO training_checklist_item (post, law, article, point, organization_id, demo) VALUES (?, ?, ?, ?, ?, TRUE)")
                    .params(i[0], i[1], i[2], i[3], city).update();
        }
    }

    private static List<String> officerNames() {
        List<String> names = new ArrayList<>(List.of("leader1", "officer1", "officer2"));
        for (int i = 1; i <= 38; i++) {
            names.add("zf%03d".formatted(i));
        }
        return names;
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM exam_attempt WHERE demo OR paper_id IN (SELECT id FROM exam_paper WHERE demo)").update();
        jdbc.sql("DELETE FROM exam_paper WHERE demo").update();
        jdbc.sql("DELETE FROM training_contest WHERE demo").update();
        jdbc.sql("DELETE FROM training_session WHERE demo").update();
        jdbc.sql("DELETE FROM training_plan WHERE demo").update();
        jdbc.sql("DELETE FROM training_checklist_item WHERE demo").update();
        jdbc.sql("DELETE FROM training_question WHERE demo").update();
    }
}
