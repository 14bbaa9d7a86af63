package cn.zhifa.supervision.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.ReviewView;
import cn.zhifa.supervision.SupervisionManagement;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 复议/诉讼 ledger over the API. */
@RestController
@Allowed(Action.READ_BUSINESS)
class ReviewApi {

    private final SupervisionManagement supervision;

    ReviewApi(SupervisionManagement supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/api/v1/supervision/reviews")
    @Operation(summary = "行政复议、行政诉讼台账（本单位及下级单位）")
    Page<ReviewView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(supervision.reviews(), page, size);
    }

    @GetMapping("/api/v1/supervision/reviews/statistics")
    @Operation(summary = "当年作出决定或裁判的复议、诉讼按结果统计")
    Map<ReviewView.Outcome, Long> statistics(@RequestParam int year) {
        return supervision.reviewOutcomes(year);
    }

    @PostMapping("/api/v1/supervision/reviews")
    @Allowed(Action.RECORD_REVIEW_LITIGATION)
    @Operation(summary = "登记行政复议或行政诉讼")
    ResponseEntity<ReviewView> record(@Valid @RequestBody SupervisionManagement.RecordReview command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(supervision.review(supervision.recordReview(command)));
    }

    @PostMapping("/api/v1/supervision/reviews/{id}/decision")
    @Allowed(Action.RECORD_REVIEW_LITIGATION)
    @Operation(summary = "登记复议决定或裁判结果")
    ReviewView decide(@PathVariable long id, @Valid @RequestBody SupervisionManagement.DecideReview command) {
        supervision.decideReview(id, command);
        return supervision.review(id);
    }
}
