package cn.zhifa.audit.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.audit.ChainCheck;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import cn.zhifa.audit.AuditAction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "审计", description = "审计日志查询、哈希链校验与签名检查点（仅安全审计员）")
@Allowed(Action.READ_AUDIT_LOG)
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "查询审计日志")
    Page<AuditRecord> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) Outcome outcome,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return trail.search(actor, action, from, to, outcome, Page.number(page), Page.size(size));
    }

    @GetMapping("/api/v1/audit/verify")
    @Operation(summary = "校验哈希链，返回第一个断点")
    ChainCheck verify() {
        return trail.verifyChain();
    }

    @PostMapping("/api/v1/audit/checkpoints")
    @Allowed(Action.READ_AUDIT_LOG)
    @AuditAction("生成审计日志检查点")
    @Operation(summary = "立即签发哈希链检查点（链头哈希、记录数），返回对照该检查点的校验结果；链已断开时拒绝")
    ChainCheck checkpoint() {
        return trail.checkpointNow();
    }
}
