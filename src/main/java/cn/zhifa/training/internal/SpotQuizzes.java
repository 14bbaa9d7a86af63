package cn.zhifa.training.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.RecordStatus;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 逢查必考 on an inspection record: while the record is in progress a member of its team enters who answers (name and
 * 职务), draws the questions of the firm's 应知应会 set ({@link SpotQuiz#draw}, seed stored), records the answers and
 * the score follows ({@link SpotQuiz#score}); one quiz a record (drawing again returns the same questions), frozen
 * once answered or once the record is submitted. The record prints {@link Quiz#line()}; a score below the pass mark
 * is a finding ({@link SpotQuizRules#findingTitle()}, {@link SpotQuizRules#findingBasis()}) the officer turns into a
 * hazard of the record.
 */
@Service
public class SpotQuizzes {

    /** The posts offered on the form; anything else the officer types is kept as written. */
    public static final List<String> POSTS = List.of("主要负责人", "安全管理人员");
    /** The 应知应会 sets of the demo 题库 in the order a firm's risk features choose them. */
    public static final List<String> INDUSTRIES = List.of("危化", "粉尘涉爆", "有限空间", "工贸");

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What the officer enters before drawing; {@code industry} "" draws from the 通用 set, null from the firm's own. */
    public record Draw(String personName, String personPost, Integer count, String industry) {
    }

    /** A drawn quiz; {@code score}, {@code passed} … are empty until the answers are recorded. */
    public record Quiz(long id, long recordId, long organizationId, long enterpriseId, String enterpriseName, String industry,
                       String personName, String personPost, List<Long> questionIds, BigDecimal passMark, Instant drawnAt,
                       Map<Long, String> answers, Integer correct, Integer total, BigDecimal score, Boolean passed,
                       Instant answeredAt) {

        public boolean answered() {
            return answeredAt != null;
        }

        public boolean failed() {
            return answered() && !passed;
        }

        public String industryLabel() {
            return industry == null ? "通用" : industry;
        }

        public String scoreText() {
            return score == null ? "" : score.stripTrailingZeros().toPlainString();
        }

        public String passMarkText() {
            return passMark.stripTrailingZeros().toPlainString();
        }

        /** "逢查必考：张三（主要负责人）答题5道，得分80分（及格）", or null before the answers. */
        public String line() {
            return answered() ? SpotQuiz.line(personName, personPost, total, score, passed) : null;
        }
    }

    /** A row of the statistics: 人次, average score and pass rate (%) of a unit, a set or a firm. */
    public record Row(String name, long people, BigDecimal averageScore, BigDecimal passRate) {
    }

    public record Statistics(int year, Row total, List<Row> units, List<Row> industries, List<Row> firms) {
    }

    private final JdbcClient jdbc;
    private final QuestionBank bank;
    private final InspectionManagement inspections;
    private final EnterpriseManagement enterprises;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final Clock clock;
    private final SpotQuizRules rules;

    SpotQuizzes(JdbcClient jdbc, QuestionBank bank, InspectionManagement inspections, EnterpriseManagement enterprises,
                OrganizationManagement organizations, DataScope scope, Clock clock, SpotQuizRules rules) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.inspections = inspections;
        this.enterprises = enterprises;
        this.organizations = organizations;
        this.scope = scope;
        this.clock = clock;
        this.rules = rules;
    }

    public SpotQuizRules rules() {
        return rules;
    }

    /** The 应知应会 set a firm's staff are tested on: its first risk feature with a set, else 工贸 by industry, else 通用. */
    static String industryOf(EnterpriseSummary firm) {
        if (firm == null) {
            return null;
        }
        if (firm.hazardousChemicals()) {
            return "危化";
        }
        if (firm.has(RiskFeature.COMBUSTIBLE_DUST)) {
            return "粉尘涉爆";
        }
        if (firm.has(RiskFeature.CONFINED_SPACE)) {
            return "有限空间";
        }
        return firm.industry() != null && firm.industry().industryAndTrade() ? "工贸" : null;
    }

    /** The set a new quiz of the record draws from unless the officer chooses another. */
    @Transactional(readOnly = true)
    public String defaultIndustry(InspectionRecord record) {
        return industryOf(enterprises.find(record.getEnterpriseId()).orElse(null));
    }

    /** The record (data scope checked) for the pages and the API. */
    @Transactional(readOnly = true)
    public InspectionRecord record(long recordId) {
        return inspections.record(recordId);
    }

    /** The quiz of the record (data scope checked), or of the version a correction started from. */
    @Transactional(readOnly = true)
    public Optional<Quiz> of(long recordId) {
        return of(inspections.record(recordId));
    }

    Optional<Quiz> of(InspectionRecord record) {
        Optional<Quiz> quiz = stored(record.getId());
        Long previous = record.getSupersedesId();
        while (quiz.isEmpty() && previous != null) {
            quiz = stored(previous);
            previous = quiz.isPresent() ? null : inspections.record(previous).getSupersedesId();
        }
        return quiz;
    }

    @Transactional(readOnly = true)
    public List<Question> questions(Quiz quiz) {
        return bank.byIds(quiz.questionIds());
    }

    /**
     * Draws the questions for the person named, or returns the quiz already drawn on the record (its questions
     * unchanged, the person's name and 职务 as now entered while nothing is answered yet).
     */
    @Transactional
    public Quiz draw(long recordId, Draw form) {
        InspectionRecord record = forTeam(recordId);
        Audit.target("逢查必考", recordId);
        String name = required(form.personName(), "请填写答题人员姓名。", 50, "答题人员姓名不超过 50 字。");
        String post = required(form.personPost(), "请选择答题人员职务（主要负责人、安全管理人员或填写其他职务）。", 30, "职务不超过 30 字。");
        Optional<Quiz> existing = of(record);
        if (existing.isPresent()) {
            Quiz quiz = existing.get();
            if (quiz.answered()) {
                throw RuleViolation.conflict("本次检查已完成逢查必考（" + quiz.personName() + "，" + quiz.scoreText() + "分），不能重新抽题。");
            }
            jdbc.sql("UPDATE spot_quiz SET person_name = ?, person_post = ? WHERE id = ? AND answered_at IS NULL")
                    .params(name, post, quiz.id()).update();
            return stored(quiz.recordId()).orElseThrow();
        }
        int count = form.count() == null ? rules.defaultCount() : form.count();
        String industry = form.industry() == null ? defaultIndustry(record) : form.industry().isBlank() ? null : form.industry().strip();
        if (industry != null && !INDUSTRIES.contains(industry)) {
            throw new RuleViolation("应知应会题目分类只能是：通用、" + String.join("、", INDUSTRIES) + "。");
        }
        long seed = new SecureRandom().nextLong();
        List<Long> drawn = SpotQuiz.draw(bank.matching(new QuestionBank.Filter(null, null, null, null, SpotQuiz.AUDIENCE)),
                industry, count, seed, rules);
        Actor actor = Actors.require();
        jdbc.sql("""
                        INSERT INTO spot_quiz (record_id, organization_id, enterprise_id, enterprise_name, industry, person_name,
                            person_post, seed, question_ids, pass_mark, drawn_by, drawn_at, demo)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (record_id) DO NOTHING""")
                .params(record.getId(), record.getOrganizationId(), record.getEnterpriseId(), record.getEnterpriseName(), industry,
                        name, post, seed, String.join(",", drawn.stream().map(String::valueOf).toList()), rules.passMark(),
                        actor.userId(), Timestamp.from(clock.instant()), record.isDemo())
                .update();
        return stored(record.getId()).orElseThrow();
    }

    /** Records the person's answers (question id → option letters) and scores them; every question must be answered. */
    @Transactional
    public Quiz answer(long recordId, Map<Long, String> answers) {
        InspectionRecord record = forTeam(recordId);
        Audit.target("逢查必考", recordId);
        Quiz quiz = of(record).orElseThrow(() -> new RuleViolation("请先填写答题人员并抽题。"));
        if (quiz.answered()) {
            throw RuleViolation.conflict("本次逢查必考的答题结果已记录（" + quiz.scoreText() + "分），不能修改。");
        }
        List<Question> questions = questions(quiz);
        Map<Long, String> given = new LinkedHashMap<>();
        Set<Long> asked = new HashSet<>(quiz.questionIds());
        for (Long id : answers.keySet()) {
            if (!asked.contains(id)) {
                throw new RuleViolation("所答题目不是本次抽取的题目，请刷新后重新作答。");
            }
        }
        int n = 1;
        for (Question q : questions) {
            String letters = Answers.normalize(answers.get(q.id()));
            if (letters.chars().anyMatch(c -> c - 'A' >= q.options().size())) {
                throw new RuleViolation("第 " + n + " 题的回答“" + letters + "”不在选项之内。");
            }
            if (q.kind() != QuestionKind.MULTIPLE && letters.length() > 1) {
                throw new RuleViolation("第 " + n + " 题是" + q.kind().label() + "，只能选一个答案。");
            }
            given.put(q.id(), letters);
            n++;
        }
        Scoring.Result result = SpotQuiz.score(questions, given, new SpotQuizRules(rules.minCount(), rules.maxCount(),
                rules.defaultCount(), quiz.passMark(), rules.findingTitle(), rules.findingBasis(), rules.source()));
        jdbc.sql("UPDATE spot_quiz SET answers = ?, correct = ?, total = ?, score = ?, passed = ?, answered_by = ?, answered_at = ? "
                        + "WHERE id = ? AND answered_at IS NULL")
                .params(encode(given), result.correct(), result.total(), result.score(), result.passed(), Actors.require().userId(),
                        Timestamp.from(clock.instant()), quiz.id())
                .update();
        Audit.detail("逢查必考得分 " + result.score().stripTrailingZeros().toPlainString() + " 分");
        return stored(quiz.recordId()).orElseThrow();
    }

    /** The hazard a score below the pass mark becomes: what is wrong, in the words of the 整改指令书. */
    public String findingOf(Quiz quiz) {
        return rules.findingTitle() + "：逢查必考中" + quiz.personName() + "（" + quiz.personPost() + "）答题" + quiz.total()
                + "道，得分" + quiz.scoreText() + "分，低于及格线" + quiz.passMarkText() + "分";
    }

    /** 人次, average score and pass rate of the answered quizzes of {@code year} per unit, set and firm, in the scope. */
    @Transactional(readOnly = true)
    public Statistics statistics(int year, Long unitId) {
        Collection<Long> orgs = units(unitId);
        String where = " FROM spot_quiz WHERE answered_at IS NOT NULL AND organization_id IN (:orgs) AND answered_at >= :from AND answered_at < :to";
        List<Row> total = rows("SELECT '合计', count(*), avg(score), sum(CASE WHEN passed THEN 1 ELSE 0 END)" + where, orgs, year);
        List<Row> units = rows("SELECT CAST(organization_id AS VARCHAR), count(*), avg(score), sum(CASE WHEN passed THEN 1 ELSE 0 END)"
                + where + " GROUP BY organization_id ORDER BY count(*) DESC, organization_id", orgs, year).stream()
                .map(r -> new Row(organizations.find(Long.parseLong(r.name())).map(OrganizationView::name).orElse("（已撤销单位）"),
                        r.people(), r.averageScore(), r.passRate())).toList();
        List<Row> industries = rows("SELECT COALESCE(industry, '通用'), count(*), avg(score), sum(CASE WHEN passed THEN 1 ELSE 0 END)"
                + where + " GROUP BY COALESCE(industry, '通用') ORDER BY count(*) DESC, 1", orgs, year);
        List<Row> firms = rows("SELECT max(enterprise_name), count(*), avg(score), sum(CASE WHEN passed THEN 1 ELSE 0 END)"
                + where + " GROUP BY enterprise_id ORDER BY count(*) DESC, max(enterprise_name)", orgs, year);
        return new Statistics(year, total.isEmpty() ? new Row("合计", 0, null, null) : total.get(0), units, industries, firms);
    }

    /** The year's 人次, average score and pass rate over the units, for the annual report. */
    Row figures(int year, Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return new Row("合计", 0, null, null);
        }
        return rows("SELECT '合计', count(*), avg(score), sum(CASE WHEN passed THEN 1 ELSE 0 END) FROM spot_quiz "
                + "WHERE answered_at IS NOT NULL AND organization_id IN (:orgs) AND answered_at >= :from AND answered_at < :to", orgs, year)
                .get(0);
    }

    /** The units the statistics may be filtered by (the caller's own and below). */
    @Transactional(readOnly = true)
    public List<OrganizationView> units() {
        return organizations.visibleTree();
    }

    private Collection<Long> units(Long unitId) {
        Set<Long> visible = scope.visibleOrganizationIds();
        if (unitId == null) {
            return visible;
        }
        scope.require(unitId);
        return scope.subtreeIds(unitId).stream().filter(visible::contains).toList();
    }

    private List<Row> rows(String sql, Collection<Long> orgs, int year) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant());
        Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant());
        return jdbc.sql(sql).param("orgs", orgs).param("from", from).param("to", to).query((rs, n) -> {
            long people = rs.getLong(2);
            BigDecimal average = rs.getBigDecimal(3);
            return new Row(rs.getString(1), people, average == null ? null : average.setScale(1, RoundingMode.HALF_UP),
                    people == 0 ? null : BigDecimal.valueOf(rs.getLong(4) * 100L).divide(BigDecimal.valueOf(people), 1, RoundingMode.HALF_UP));
        }).list();
    }

    private InspectionRecord forTeam(long recordId) {
        InspectionRecord record = inspections.record(recordId);
        long user = Actors.require().userId();
        if (record.getMembers().stream().noneMatch(m -> m.userId() == user)) {
            throw new RuleViolation("只有检查组成员可以进行逢查必考。");
        }
        if (record.getStatus() != RecordStatus.DRAFT) {
            throw RuleViolation.conflict("现场检查记录已提交，逢查必考不能再抽题或修改答题结果。");
        }
        return record;
    }

    private static String required(String value, String missing, int max, String tooLong) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(missing);
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(tooLong);
        }
        return value.strip();
    }

    private Optional<Quiz> stored(long recordId) {
        return jdbc.sql("SELECT * FROM spot_quiz WHERE record_id = ?").param(recordId).query(SpotQuizzes::quiz).optional();
    }

    private static String encode(Map<Long, String> answers) {
        StringBuilder out = new StringBuilder();
        answers.forEach((id, letters) -> out.append(id).append('=').append(letters).append('\n'));
        return out.toString();
    }

    private static Map<Long, String> decode(String text) {
        Map<Long, String> answers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    answers.put(Long.parseLong(line.substring(0, eq)), line.substring(eq + 1));
                }
            }
        }
        return answers;
    }

    private static Quiz quiz(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        String ids = rs.getString("question_ids");
        return new Quiz(rs.getLong("id"), rs.getLong("record_id"), rs.getLong("organization_id"), rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"), rs.getString("industry"), rs.getString("person_name"), rs.getString("person_post"),
                ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(), rs.getBigDecimal("pass_mark"),
                rs.getTimestamp("drawn_at").toInstant(), decode(rs.getString("answers")), (Integer) rs.getObject("correct"),
                (Integer) rs.getObject("total"), rs.getBigDecimal("score"), (Boolean) rs.getObject("passed"),
                answered == null ? null : answered.toInstant());
    }
}
