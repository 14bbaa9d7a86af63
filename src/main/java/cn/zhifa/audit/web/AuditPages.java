package cn.zhifa.audit.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.internal.AuditWording;
import cn.zhifa.shared.web.DisplayNames;
import cn.zhifa.shared.web.Page;
import java.util.List;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.shared.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's pages: search the log and verify the hash chain. Only AUDITOR may read them. */
@Controller
@Allowed(Action.READ_AUDIT_LOG)
class AuditPages {

    private final AuditTrail trail;
    private final List<DisplayNames> names;

    AuditPages(AuditTrail trail, List<DisplayNames> names) {
        this.trail = trail;
        this.names = names;
    }

    /** A record as the auditor reads it: the person's name, the Chinese action, the target by its number or name. */
    record Row(AuditRecord record, String actor, String action, String target, String detail) {
    }

    private Row row(AuditRecord r) {
        String actor = "anonymous".equals(r.actor()) ? "未登录访问者"
                : names.stream().map(n -> n.person(r.actor())).flatMap(java.util.Optional::stream).findFirst().orElse(r.actor());
        String target = r.targetType() == null ? "" : r.targetType() + " " + names.stream()
                .map(n -> n.target(r.targetType(), r.targetId())).flatMap(java.util.Optional::stream).findFirst()
                .orElse(r.targetId() == null ? "" : r.targetId());
        return new Row(r, actor, AuditWording.shownAction(r.action()), target.strip(), AuditWording.shownDetail(r.detail()));
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Outcome outcome,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("records", trail.search(actor, action, from, to, outcome, Page.number(page), Page.size(size))
                .map(this::row));
        model.addAttribute("outcomes", Outcome.values());
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        var check = trail.verifyChain();
        model.addAttribute("check", check);
        model.addAttribute("checkpointAt", check.checkpointAt() == null ? null : AuditWording.time(check.checkpointAt()));
        return "audit/verify";
    }

    @PostMapping("/audit/checkpoints")
    @Allowed(Action.READ_AUDIT_LOG)
    @AuditAction("生成审计日志检查点")
    String checkpoint(RedirectAttributes redirect) {
        try {
            trail.checkpointNow();
            redirect.addFlashAttribute("message", "已签发新的检查点。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/audit/verify";
    }
}
