package cn.zhifa.training.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exams: a paper drawn from the 题库 by rules with a stored seed, attempts started and handed in under a server-side
 * time limit, scored automatically; the 执法证 exam passed within its validity is what issuing a certificate asks
 * for, and periodic exams list the officers below the pass mark.
 */
@Service
public class Exams {

    public enum Purpose {
        CERTIFICATE("执法证考试"), PERIODIC("定期考试");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record NewPaper(String title, Purpose purpose, List<DrawRule> rules, Integer timeLimitMinutes, LocalDate opensOn,
                           LocalDate closesOn, Long seed) {
    }

    public record Paper(long id, long organizationId, String title, Purpose purpose, List<DrawRule> rules, long seed,
                        List<Long> questionIds, int timeLimitMinutes, LocalDate opensOn, LocalDate closesOn, BigDecimal passMark) {

        ExamWindow window(Duration grace) {
            return new ExamWindow(opensOn, closesOn, Duration.ofMinutes(timeLimitMinutes), grace);
        }
    }

    /** An officer's attempt; {@code score} and {@code passed} are empty until handed in. */
    public record Attempt(long id, long paperId, String paperTitle, Purpose purpose, long userId, String userName,
                          long organizationId, Instant startedAt, Instant deadline, Instant submittedAt, BigDecimal score,
                          Boolean passed, Map<Long, String> answers) {

        public boolean submitted() {
            return submittedAt != null;
        }

        public String standing(Instant now) {
            if (submitted()) {
                return Boolean.TRUE.equals(passed) ? "合格" : "不合格";
            }
            return now.isAfter(deadline) ? "超时未交卷" : "答题中";
        }
    }

    private final JdbcClient jdbc;
    private final QuestionBank bank;
    private final DataScope scope;
    private final Clock clock;
    private final TrainingRules rules;

    Exams(JdbcClient jdbc, QuestionBank bank, DataScope scope, Clock clock, TrainingRules rules) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.scope = scope;
        this.clock = clock;
        this.rules = rules;
    }

    public TrainingRules rules() {
        return rules;
    }

    @Transactional
    public long createPaper(NewPaper form) {
        if (form.title() == null || form.title().isBlank() || form.title().strip().length() > 100) {
            throw new RuleViolation("请填写试卷名称（不超过 100 字）。");
        }
        if (form.purpose() == null) {
            throw new RuleViolation("请选择考试类别。");
        }
        if (form.timeLimitMinutes() == null || form.timeLimitMinutes() < 5 || form.timeLimitMinutes() > 300) {
            throw new RuleViolation("考试时长应在 5 至 300 分钟之间。");
        }
        if (form.opensOn() == null || form.closesOn() == null || form.closesOn().isBefore(form.opensOn())) {
            throw new RuleViolation("请填写开考和截止日期（截止不早于开考）。");
        }
        long seed = form.seed() != null ? form.seed() : new java.security.SecureRandom().nextLong();
        List<Long> drawn = PaperDrawing.draw(bank.matching(new QuestionBank.Filter(null, null, null, null, null)), form.rules(), seed);
        long id = insertPaper(form, seed, drawn, Actors.require().organizationId(), false);
        Audit.target("试卷", id);
        return id;
    }

    long insertPaper(NewPaper form, long seed, List<Long> drawn, long organizationId, boolean demo) {
        return jdbc.sql("INSERT INTO exam_paper (organization_id, title, purpose, rules, seed, question_ids, time_limit_minutes, "
                        + "opens_on, closes_on, pass_mark, created_at, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(organizationId, form.title().strip(), form.purpose().name(),
                        String.join("\n", form.rules().stream().map(DrawRule::line).toList()), seed,
                        String.join(",", drawn.stream().map(String::valueOf).toList()), form.timeLimitMinutes(),
                        Date.valueOf(form.opensOn()), Date.valueOf(form.closesOn()), rules.passMark(),
                        Timestamp.from(clock.instant()), demo)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<Paper> papers() {
        return jdbc.sql("SELECT * FROM exam_paper ORDER BY opens_on DESC, id DESC").query(Exams::paper).list();
    }

    @Transactional(readOnly = true)
    public Paper paper(long id) {
        return jdbc.sql("SELECT * FROM exam_paper WHERE id = ?").param(id).query(Exams::paper).optional()
                .orElseThrow(() -> RuleViolation.notFound("试卷不存在。"));
    }

    @Transactional(readOnly = true)
    public List<Question> questions(Paper paper) {
        return bank.byIds(paper.questionIds());
    }

    /** Starts the caller's attempt, or returns the one already started (its deadline unchanged). */
    @Transactional
    public long start(long paperId) {
        Actor actor = Actors.require();
        Paper paper = paper(paperId);
        Optional<Attempt> existing = attemptOf(paperId, actor.userId());
        if (existing.isPresent()) {
            if (existing.get().submitted()) {
                throw RuleViolation.conflict("您已参加过本场考试。");
            }
            return existing.get().id();
        }
        paper.window(rules.lateGrace()).mayStart(LocalDate.now(clock)).orThrow();
        Instant now = clock.instant();
        long id = jdbc.sql("INSERT INTO exam_attempt (paper_id, user_id, user_name, organization_id, started_at, deadline) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(paperId, actor.userId(), actor.displayName(), actor.organizationId(), Timestamp.from(now),
                        Timestamp.from(paper.window(rules.lateGrace()).deadline(now)))
                .query(Long.class).single();
        Audit.target("考试答卷", id);
        return id;
    }

    /**
     * Hands in the caller's answers (question id → letters; a question not given keeps the answer saved before);
     * refused after the time limit, nothing stored then.
     */
    @Transactional
    public Attempt submit(long attemptId, Map<Long, String> answers) {
        Attempt attempt = own(attemptId);
        Audit.target("考试答卷", attemptId);
        Instant now = clock.instant();
        Verdict verdict = ExamWindow.maySubmit(attempt.deadline(), now, rules.lateGrace(), attempt.submitted());
        verdict.orThrow();
        Paper paper = paper(attempt.paperId());
        List<Question> questions = questions(paper);
        Map<Long, String> given = new LinkedHashMap<>();
        questions.forEach(q -> given.put(q.id(), Answers.normalize(answers.containsKey(q.id()) ? answers.get(q.id())
                : attempt.answers().get(q.id()))));
        Scoring.Result result = Scoring.score(questions, given, paper.passMark());
        jdbc.sql("UPDATE exam_attempt SET submitted_at = ?, answers = ?, score = ?, passed = ? WHERE id = ? AND submitted_at IS NULL")
                .params(Timestamp.from(now), encode(given), result.score(), result.passed(), attemptId).update();
        return attempt(attemptId);
    }

    /**
     * Keeps the caller's answers so far (question id → letters; an empty answer clears it) without handing in, so a
     * phone that loses its connection resumes where it was; refused once handed in or out of time. Only questions of
     * the paper count.
     */
    @Transactional
    public Attempt saveAnswers(long attemptId, Map<Long, String> answers) {
        Attempt attempt = own(attemptId);
        Audit.target("考试答卷", attemptId);
        ExamWindow.maySubmit(attempt.deadline(), clock.instant(), rules.lateGrace(), attempt.submitted()).orThrow();
        Paper paper = paper(attempt.paperId());
        Map<Long, String> kept = new LinkedHashMap<>(attempt.answers());
        answers.forEach((question, letters) -> {
            if (paper.questionIds().contains(question)) {
                kept.put(question, Answers.normalize(letters));
            }
        });
        jdbc.sql("UPDATE exam_attempt SET answers = ? WHERE id = ? AND submitted_at IS NULL").params(encode(kept), attemptId).update();
        return attempt(attemptId);
    }

    /** The caller's own attempt. */
    @Transactional(readOnly = true)
    public Attempt own(long attemptId) {
        Attempt attempt = attempt(attemptId);
        if (attempt.userId() != Actors.require().userId()) {
            throw RuleViolation.notFound("答卷不存在。");
        }
        return attempt;
    }

    @Transactional(readOnly = true)
    public Attempt attempt(long attemptId) {
        return jdbc.sql(ATTEMPTS + " WHERE a.id = ?").param(attemptId).query(Exams::attempt).optional()
                .orElseThrow(() -> RuleViolation.notFound("答卷不存在。"));
    }

    Optional<Attempt> attemptOf(long paperId, long userId) {
        return jdbc.sql(ATTEMPTS + " WHERE a.paper_id = ? AND a.user_id = ?").params(paperId, userId).query(Exams::attempt).optional();
    }

    @Transactional(readOnly = true)
    public List<Attempt> mine() {
        return jdbc.sql(ATTEMPTS + " WHERE a.user_id = ? ORDER BY a.started_at DESC").param(Actors.require().userId())
                .query(Exams::attempt).list();
    }

    /** Attempts at a paper by officers of the caller's scope. */
    @Transactional(readOnly = true)
    public List<Attempt> results(long paperId) {
        return jdbc.sql(ATTEMPTS + " WHERE a.paper_id = :paper AND a.organization_id IN (:orgs) ORDER BY a.score DESC NULLS LAST, a.user_name")
                .param("paper", paperId).param("orgs", scope.visibleOrganizationIds()).query(Exams::attempt).list();
    }

    /** Officers of the scope below the pass mark (or out of time) in periodic exams, newest first. */
    @Transactional(readOnly = true)
    public List<Attempt> belowPassMark() {
        return jdbc.sql(ATTEMPTS + " WHERE p.purpose = 'PERIODIC' AND a.organization_id IN (:orgs) "
                        + "AND ((a.submitted_at IS NOT NULL AND NOT a.passed) OR (a.submitted_at IS NULL AND a.deadline < :now)) "
                        + "ORDER BY a.started_at DESC")
                .param("orgs", scope.visibleOrganizationIds()).param("now", Timestamp.from(clock.instant().minus(rules.lateGrace())))
                .query(Exams::attempt).list();
    }

    /** Attempts of one officer (not data-scoped: the officer page checks the certificate's scope). */
    List<Attempt> of(long userId) {
        return jdbc.sql(ATTEMPTS + " WHERE a.user_id = ? ORDER BY a.started_at DESC").param(userId).query(Exams::attempt).list();
    }

    /** The 执法证 exam gate: a passed 执法证 exam handed in within the configured validity before {@code on}. */
    @Transactional(readOnly = true)
    public Verdict passedCertificateExam(long userId, LocalDate on) {
        LocalDate from = on.minus(rules.certificateExamValidity());
        ZoneId zone = clock.getZone();
        List<Attempt> attempts = jdbc.sql(ATTEMPTS + " WHERE a.user_id = ? AND p.purpose = 'CERTIFICATE' AND a.submitted_at IS NOT NULL "
                        + "ORDER BY a.submitted_at DESC").param(userId).query(Exams::attempt).list();
        boolean passed = attempts.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed())
                && !LocalDate.ofInstant(a.submittedAt(), zone).isBefore(from) && !LocalDate.ofInstant(a.submittedAt(), zone).isAfter(on));
        if (passed) {
            return Verdict.allow();
        }
        String since = "（" + from + " 以来）";
        return Verdict.refuse(attempts.isEmpty() ? "该人员没有执法证考试成绩" + since + "，不能发放行政执法证。"
                : "该人员" + since + "未通过执法证考试（最近成绩 " + attempts.get(0).score() + " 分，合格线 "
                + rules.passMark().stripTrailingZeros().toPlainString() + " 分），不能发放行政执法证。");
    }

    /** People examined and passed in a year over the units (each person once per paper). */
    long[] examined(int year, Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return new long[]{0, 0};
        }
        return jdbc.sql("SELECT count(*), COALESCE(SUM(CASE WHEN passed THEN 1 ELSE 0 END), 0) FROM exam_attempt WHERE submitted_at IS NOT NULL "
                        + "AND organization_id IN (:orgs) AND EXTRACT(YEAR FROM submitted_at) = :year")
                .param("orgs", orgs).param("year", year)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    private static final String ATTEMPTS = "SELECT a.*, p.title, p.purpose FROM exam_attempt a JOIN exam_paper p ON p.id = a.paper_id";

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

    private static Paper paper(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String ids = rs.getString("question_ids");
        return new Paper(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("title"), Purpose.valueOf(rs.getString("purpose")),
                Arrays.stream(rs.getString("rules").split("\n")).map(DrawRule::parse).toList(), rs.getLong("seed"),
                ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                rs.getInt("time_limit_minutes"), rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(),
                rs.getBigDecimal("pass_mark"));
    }

    private static Attempt attempt(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Object passed = rs.getObject("passed");
        return new Attempt(rs.getLong("id"), rs.getLong("paper_id"), rs.getString("title"), Purpose.valueOf(rs.getString("purpose")),
                rs.getLong("user_id"), rs.getString("user_name"), rs.getLong("organization_id"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("deadline").toInstant(), submitted == null ? null : submitted.toInstant(), rs.getBigDecimal("score"),
                passed == null ? null : (Boolean) passed, decode(rs.getString("answers")));
    }
}
