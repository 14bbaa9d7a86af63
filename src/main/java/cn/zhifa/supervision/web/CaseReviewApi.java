package cn.zhifa.supervision.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.review.CaseReviewReport;
import cn.zhifa.supervision.review.CaseReviewViews;
import cn.zhifa.supervision.review.CaseReviews;
import cn.zhifa.supervision.review.ReviewScoring;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 案卷评查 over the API: the standard, plans, scoring, rectification replies and the plan report. */
@RestController
@Allowed(Action.READ_BUSINESS)
class CaseReviewApi {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final CaseReviews reviews;

    CaseReviewApi(CaseReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/v1/supervision/case-reviews")
    @Operation(summary = "案卷评查计划（含本单位及下级单位案卷或本人评查的案卷）")
    Page<CaseReviewViews.PlanRow> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(reviews.plans(), page, size);
    }

    @GetMapping("/api/v1/supervision/case-reviews/{id}")
    @Operation(summary = "评查计划：案卷、预检发现、评分、问题与整改、汇总")
    CaseReviewViews.PlanDetail get(@PathVariable long id) {
        return reviews.plan(id);
    }

    @GetMapping("/api/v1/supervision/case-reviews/{id}/report.docx")
    @Operation(summary = "评查计划的评查情况报告（Word）")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return docx(reviews.plan(id));
    }

    static ResponseEntity<byte[]> docx(CaseReviewViews.PlanDetail plan) {
        String name = plan.year() + "年度案卷评查情况报告.docx";
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(CaseReviewReport.docx(plan));
    }

    @PostMapping("/api/v1/supervision/case-reviews")
    @Allowed(Action.PLAN_CASE_REVIEW)
    @Operation(summary = "制定评查计划（抽取或指定案卷，按互查分配评查人员）")
    ResponseEntity<CaseReviewViews.PlanDetail> create(@Valid @RequestBody CaseReviews.CreatePlan command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.plan(reviews.createPlan(command)));
    }

    @PostMapping("/api/v1/supervision/case-reviews/{id}/files/{fileId}/score")
    @Allowed(Action.SCORE_CASE_FILE)
    @Operation(summary = "评查人员为案卷评分；扣分、否决的评分项生成整改事项")
    Map<String, Object> score(@PathVariable long id, @PathVariable long fileId, @Valid @RequestBody CaseReviews.ScoreFile command) {
        ReviewScoring.Result r = reviews.score(id, fileId, command);
        return Map.of("score", r.score(), "vetoed", r.vetoed(), "grade", r.grade().label(), "problems", r.problems().size());
    }

    @PostMapping("/api/v1/supervision/case-reviews/problems/{problemId}/reply")
    @Allowed(Action.REPLY_CASE_REVIEW_PROBLEM)
    @Operation(summary = "被评查单位回复整改情况")
    ResponseEntity<Void> reply(@PathVariable long problemId, @Valid @RequestBody CaseReviews.ReplyProblem command) {
        reviews.reply(problemId, command);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/supervision/case-review-standard")
    @Allowed(Action.SIGNED_IN)
    @Operation(summary = "当前案卷评查标准")
    CaseReviewViews.Standard standard() {
        return reviews.currentStandard();
    }

    @PutMapping("/api/v1/supervision/case-review-standard/items/{itemId}")
    @Allowed(Action.EDIT_CASE_REVIEW_STANDARD)
    @Operation(summary = "修改当前评查标准的评分项（已使用的版本不改动，生成新版本）")
    CaseReviewViews.Standard edit(@PathVariable long itemId, @Valid @RequestBody CaseReviews.EditItem command) {
        return reviews.editItem(itemId, command);
    }
}
