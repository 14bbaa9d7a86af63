package cn.zhifa.training.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.training.internal.Exams;
import cn.zhifa.training.internal.Question;
import cn.zhifa.training.internal.QuestionBank;
import cn.zhifa.training.internal.QuestionKind;
import cn.zhifa.training.internal.TrainingLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers' learning over JSON: the 题库 (read), training sessions of the scope, and the officer's own exams on the
 * phone: the papers with his attempt, start (or resume), keep answers so far, hand in. The right answers of a paper
 * are shown only once handed in, as on the page.
 */
@RestController
@Tag(name = "学法与考试", description = "题库、培训记录、在线考试（本人）")
@Allowed(Action.READ_BUSINESS)
class TrainingApi {

    private final QuestionBank bank;
    private final TrainingLog log;
    private final Exams exams;
    private final Clock clock;

    TrainingApi(QuestionBank bank, TrainingLog log, Exams exams, Clock clock) {
        this.bank = bank;
        this.log = log;
        this.exams = exams;
        this.clock = clock;
    }

    record Option(String letter, String text) {
    }

    @Schema(description = "题库中的一道题（含答案与解析）")
    record BankQuestion(long id, QuestionKind kind, String kindLabel, String stem, List<Option> options, String answer,
                        String explanation, String law, String article, String post, String industry, String difficulty) {

        static BankQuestion of(Question q) {
            return new BankQuestion(q.id(), q.kind(), q.kind().label(), q.stem(), TrainingApi.options(q), q.answer(), q.explanation(),
                    q.law(), q.article(), q.post(), q.industry(), q.difficultyLabel());
        }
    }

    @Schema(description = "试卷中的一道题；answer 为本人的作答，correctAnswer 与 explanation 交卷后才给出")
    record PaperQuestion(long id, String kindLabel, String stem, List<Option> options, String answer, String correctAnswer,
                         String explanation) {
    }

    @Schema(description = "试卷；myAttemptId、myStanding 为本人的答卷（未开考为空）")
    record PaperView(long id, String title, String purposeLabel, int questions, int timeLimitMinutes, LocalDate opensOn,
                     LocalDate closesOn, BigDecimal passMark, Long myAttemptId, String myStanding) {
    }

    @Schema(description = "本人的答卷；standing：答题中、合格、不合格、超时未交卷")
    record AttemptView(long id, long paperId, String paperTitle, Instant startedAt, Instant deadline, long secondsLeft,
                       Instant submittedAt, BigDecimal score, Boolean passed, String standing, List<PaperQuestion> questions) {
    }

    @Schema(description = "作答：题目编号 → 所选选项字母（如 \"A\"、\"ACD\"；判断题 A 正确、B 错误）")
    record AnswerSheet(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<Long, String> answers) {
    }

    @GetMapping("/api/v1/training/questions")
    @Allowed(Action.READ_TRAINING)
    @Operation(summary = "题库：q 题干或解析，law 法规，kind 题型（SINGLE、MULTIPLE、TRUE_FALSE），difficulty 难度 1-3，post 岗位")
    Page<BankQuestion> questions(@RequestParam(required = false) String q, @RequestParam(required = false) String law,
                                 @RequestParam(required = false) QuestionKind kind, @RequestParam(required = false) Integer difficulty,
                                 @RequestParam(required = false) String post, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return bank.search(new QuestionBank.Filter(q, law, kind, difficulty, post), Page.number(page), Page.size(size))
                .map(BankQuestion::of);
    }

    @GetMapping("/api/v1/training/sessions")
    @Operation(summary = "培训记录（本单位及下级单位，新的在前）：q 主题或授课人，year 开始年度")
    Page<TrainingLog.Session> sessions(@RequestParam(required = false) String q, @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(log.sessions(q, year), page, size);
    }

    @GetMapping("/api/v1/training/exams")
    @Operation(summary = "考试试卷（新的在前），附本人的答卷状态")
    Page<PaperView> papers(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Map<Long, Exams.Attempt> mine = new HashMap<>();
        exams.mine().forEach(a -> mine.put(a.paperId(), a));
        Instant now = clock.instant();
        return Page.of(exams.papers(), page, size).map(p -> {
            Exams.Attempt a = mine.get(p.id());
            return new PaperView(p.id(), p.title(), p.purpose().label(), p.questionIds().size(), p.timeLimitMinutes(),
                    p.opensOn(), p.closesOn(), p.passMark(), a == null ? null : a.id(), a == null ? null : a.standing(now));
        });
    }

    @PostMapping("/api/v1/training/exams/{id}/attempts")
    @Allowed(Action.TAKE_EXAM)
    @Operation(summary = "开考（已开考未交卷的返回原答卷，时限不变；已交卷的 409）")
    ResponseEntity<AttemptView> start(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(exams.own(exams.start(id))));
    }

    @GetMapping("/api/v1/training/attempts/{id}")
    @Operation(summary = "本人的答卷：题目、已保存的作答、剩余时间；交卷后含得分与正确答案")
    AttemptView attempt(@PathVariable long id) {
        return view(exams.own(id));
    }

    @PutMapping("/api/v1/training/attempts/{id}/answers")
    @Allowed(Action.TAKE_EXAM)
    @Operation(summary = "保存作答（不交卷；可多次保存，断网后可继续）")
    AttemptView answer(@PathVariable long id, @RequestBody AnswerSheet sheet) {
        return view(exams.saveAnswers(id, answers(sheet)));
    }

    @PostMapping("/api/v1/training/attempts/{id}/submission")
    @Allowed(Action.TAKE_EXAM)
    @Operation(summary = "交卷并自动评分（未在本次给出的题目按已保存的作答计分；超过时限的 422，不计分）")
    AttemptView submit(@PathVariable long id, @RequestBody(required = false) AnswerSheet sheet) {
        return view(exams.submit(id, sheet == null || sheet.answers() == null ? Map.of() : answers(sheet)));
    }

    private AttemptView view(Exams.Attempt a) {
        Exams.Paper paper = exams.paper(a.paperId());
        boolean done = a.submitted();
        List<PaperQuestion> questions = exams.questions(paper).stream().map(q -> new PaperQuestion(q.id(), q.kind().label(),
                q.stem(), options(q), a.answers().getOrDefault(q.id(), ""), done ? q.answer() : null,
                done ? q.explanation() : null)).toList();
        Instant now = clock.instant();
        long left = done ? 0 : Math.max(0, a.deadline().getEpochSecond() - now.getEpochSecond());
        return new AttemptView(a.id(), a.paperId(), a.paperTitle(), a.startedAt(), a.deadline(), left, a.submittedAt(),
                a.score(), a.passed(), a.standing(now), questions);
    }

    private static Map<Long, String> answers(AnswerSheet sheet) {
        if (sheet == null || sheet.answers() == null) {
            throw new RuleViolation("请在 answers 中按题目编号填写所选选项，未作任何修改。");
        }
        for (String letters : sheet.answers().values()) {
            if (letters != null && !letters.matches("[A-Za-z ,，、]{0,26}")) {
                throw new RuleViolation("作答只能是选项字母（如 A 或 ACD），未作任何修改。");
            }
        }
        return sheet.answers();
    }

    private static List<Option> options(Question q) {
        return q.lettered().stream().map(o -> new Option(o.letter(), o.text())).toList();
    }
}
