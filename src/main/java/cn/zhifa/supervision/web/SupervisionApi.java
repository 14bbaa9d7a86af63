package cn.zhifa.supervision.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.Overview;
import cn.zhifa.supervision.SupervisionManagement;
import cn.zhifa.supervision.SupervisionOrderView;
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

/** The supervisor's API: the per-unit overview and 督办单. */
@RestController
@Allowed(Action.READ_SUPERVISION)
class SupervisionApi {

    private final SupervisionManagement supervision;

    SupervisionApi(SupervisionManagement supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/api/v1/supervision/overview")
    @Operation(summary = "执法监督总览：本人范围内每个单位（含下级）当年的检查家次、发现隐患、逾期隐患、立案、逾期案件、罚款，及全范围月度趋势")
    Overview overview(@RequestParam(required = false) Integer year) {
        return supervision.overview(year == null ? supervision.today().getYear() : year);
    }

    @GetMapping("/api/v1/supervision/orders")
    @Operation(summary = "督办单列表（下达的与收到的）")
    Page<SupervisionOrderView> orders(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(supervision.orders(), page, size);
    }

    @GetMapping("/api/v1/supervision/orders/{id}")
    @Operation(summary = "督办单详情")
    SupervisionOrderView order(@PathVariable long id) {
        return supervision.order(id);
    }

    @PostMapping("/api/v1/supervision/orders")
    @Allowed(Action.ISSUE_SUPERVISION)
    @Operation(summary = "下达督办单（对案件、隐患或单位，限期回复）")
    ResponseEntity<SupervisionOrderView> issue(@Valid @RequestBody SupervisionManagement.IssueOrder command) {
        long id = supervision.issueOrder(command);
        return ResponseEntity.status(HttpStatus.CREATED).body(supervision.order(id));
    }

    @PostMapping("/api/v1/supervision/orders/{id}/reply")
    @Allowed(Action.REPLY_SUPERVISION)
    @Operation(summary = "被督办单位回复督办单")
    SupervisionOrderView reply(@PathVariable long id, @Valid @RequestBody SupervisionManagement.ReplyOrder command) {
        supervision.replyOrder(id, command);
        return supervision.order(id);
    }
}
