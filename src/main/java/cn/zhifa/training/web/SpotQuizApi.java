package cn.zhifa.training.web;

import cn.zhifa.evidence.Idempotency;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.training.internal.Question;
import cn.zhifa.training.internal.SpotQuizzes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** 逢查必考 for the terminal: draw the questions for the person answering, hand in the answers, read the result. */
@RestController
@Tag(name = "逢查必考", description = "检查中抽取应知应会题目考核企业主要负责人或安全管理人员，结果记入现场检查记录")
@Allowed(Action.READ_BUSINESS)
class SpotQuizApi {

    private final SpotQuizzes quizzes;
    private final Idempotency idempotency;
    private final JsonMapper json;

    SpotQuizApi(SpotQuizzes quizzes, Idempotency idempotency, JsonMapper json) {
        this.quizzes = quizzes;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Schema(name = "SpotQuizDraw", description = "逢查必考抽题")
    record DrawRequest(@Schema(description = "答题人员姓名", example = "王红") String personName,
                       @Schema(description = "答题人员职务：主要负责人、安全管理人员或其他职务", example = "主要负责人") String personPost,
                       @Schema(description = "题数（配置的最少至最多题数之间；缺省为配置的默认题数）", example = "5") Integer count,
                       @Schema(description = "应知应会题目分类：危化、粉尘涉爆、有限空间、工贸；空字符串为通用；缺省按企业风险类别选取",
                               example = "危化") String industry) {
    }

    @Schema(name = "SpotQuizAnswer", description = "一道题的回答")
    record AnswerItem(@Schema(description = "题目编号（抽题结果中的 questions[].id）") long questionId,
                      @Schema(description = "所选选项字母，多选题如 AB；判断题 A 为正确、B 为错误", example = "A") String answer) {
    }

    @Schema(name = "SpotQuizAnswers", description = "逢查必考答题结果（每道题都须作答）")
    record AnswersRequest(@Schema(description = "逐题回答") List<AnswerItem> answers) {
    }

    /** A question as the terminal shows it; the right answer and explanation only once the answers are recorded. */
    record QuestionView(long id, String kind, String stem, List<Question.Option> options, String given, String answer,
                        Boolean correct, String explanation) {
    }

    record QuizView(long recordId, String enterpriseName, String industry, String personName, String personPost,
                    BigDecimal passMark, Instant drawnAt, List<QuestionView> questions, boolean answered, Integer correct,
                    Integer total, BigDecimal score, Boolean passed, String line, String finding, String findingBasis) {
    }

    @PostMapping("/api/v1/inspection/records/{id}/spot-quiz")
    @Allowed(Action.SPOT_QUIZ)
    @Operation(summary = "逢查必考抽题（须带 Idempotency-Key；本记录已抽题的返回原题目）")
    ResponseEntity<String> draw(@PathVariable long id, @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                @RequestBody DrawRequest body) {
        DrawRequest request = body == null ? new DrawRequest(null, null, null, null) : body;
        return idempotency.once(key, "training.spot-quiz." + id, json.writeValueAsString(request), HttpStatus.CREATED,
                () -> view(quizzes.draw(id, new SpotQuizzes.Draw(request.personName(), request.personPost(), request.count(),
                        request.industry()))));
    }

    @PostMapping("/api/v1/inspection/records/{id}/spot-quiz/answers")
    @Allowed(Action.SPOT_QUIZ)
    @Operation(summary = "记录逢查必考答题结果并自动评分（须带 Idempotency-Key）")
    ResponseEntity<String> answers(@PathVariable long id, @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @RequestBody AnswersRequest body) {
        AnswersRequest request = body == null ? new AnswersRequest(null) : body;
        return idempotency.once(key, "training.spot-quiz-answers." + id, json.writeValueAsString(request), HttpStatus.OK, () -> {
            if (request.answers() == null || request.answers().isEmpty()) {
                throw new RuleViolation("请逐题提交回答（answers）。");
            }
            Map<Long, String> answers = new LinkedHashMap<>();
            for (AnswerItem item : request.answers()) {
                if (answers.put(item.questionId(), item.answer()) != null) {
                    throw new RuleViolation("同一道题只能提交一个回答。");
                }
            }
            return view(quizzes.answer(id, answers));
        });
    }

    @GetMapping("/api/v1/inspection/records/{id}/spot-quiz")
    @Operation(summary = "现场检查记录的逢查必考（题目、回答、得分）")
    QuizView quiz(@PathVariable long id) {
        return view(quizzes.of(id).orElseThrow(() -> RuleViolation.notFound("本次检查尚未进行逢查必考。")));
    }

    private QuizView view(SpotQuizzes.Quiz quiz) {
        List<QuestionView> questions = quizzes.questions(quiz).stream().map(q -> {
            String given = quiz.answers().get(q.id());
            return quiz.answered()
                    ? new QuestionView(q.id(), q.kind().label(), q.stem(), q.lettered(), given, q.answer(), q.answeredBy(given), q.explanation())
                    : new QuestionView(q.id(), q.kind().label(), q.stem(), q.lettered(), null, null, null, null);
        }).toList();
        return new QuizView(quiz.recordId(), quiz.enterpriseName(), quiz.industryLabel(), quiz.personName(), quiz.personPost(),
                quiz.passMark(), quiz.drawnAt(), questions, quiz.answered(), quiz.correct(), quiz.total(), quiz.score(), quiz.passed(),
                quiz.line(), quiz.failed() ? quizzes.findingOf(quiz) : null, quiz.failed() ? quizzes.rules().findingBasis() : null);
    }
}
