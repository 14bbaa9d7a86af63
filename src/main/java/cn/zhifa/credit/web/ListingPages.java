package cn.zhifa.credit.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.credit.internal.CreditPolicy;
import cn.zhifa.credit.internal.Listing;
import cn.zhifa.credit.internal.ListingDesk;
import cn.zhifa.credit.internal.ListingProposals;
import cn.zhifa.credit.internal.ListingReport;
import cn.zhifa.credit.internal.Listings;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/** The 严重失信主体名单 procedure for leaders: proposals, 告知, 陈述申辩, 列入决定, 不予列入, 信用修复, monthly report. */
@Controller
@Allowed(Action.READ_CREDIT_LISTINGS)
class ListingPages {

    private final Listings listings;
    private final ListingDesk desk;
    private final ListingProposals proposals;
    private final ListingReport report;
    private final CreditPolicy policy;
    private final EnterpriseManagement enterprises;
    private final DataScope scope;

    ListingPages(Listings listings, ListingDesk desk, ListingProposals proposals, ListingReport report, CreditPolicy policy,
                 EnterpriseManagement enterprises, DataScope scope) {
        this.listings = listings;
        this.desk = desk;
        this.proposals = proposals;
        this.report = report;
        this.policy = policy;
        this.enterprises = enterprises;
        this.scope = scope;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("leader")
    boolean leader() {
        return Actors.current().map(a -> a.has(cn.zhifa.shared.security.Role.LEADER)).orElse(false);
    }

    @GetMapping("/credit/listings")
    String list(Model model) {
        model.addAttribute("listings", listings.inOrganizations(scope.visibleOrganizationIds()));
        model.addAttribute("grounds", policy.grounds());
        model.addAttribute("month", YearMonth.from(desk.today()).toString());
        model.addAttribute("today", desk.today());
        return "credit/listings";
    }

    @GetMapping("/credit/listings/{id}")
    String show(@PathVariable long id, Model model) {
        Listing l = desk.get(id);
        model.addAttribute("l", l);
        model.addAttribute("today", desk.today());
        model.addAttribute("policy", policy);
        if (l.status() == Listing.Status.LISTED) {
            model.addAttribute("checks", desk.repairChecks(l, Set.of()));
            model.addAttribute("mayRemoveEarly", l.mayRemoveEarly(desk.today()));
        }
        model.addAttribute("mayDecide", l.mayDecide(desk.today()));
        return "credit/listing";
    }

    @PostMapping("/credit/listings")
    @Allowed(Action.MANAGE_CREDIT_LISTINGS)
    @AuditAction("提议列入严重失信主体名单")
    String propose(@RequestParam(required = false) String uscc, @RequestParam(required = false) String ground,
                   @RequestParam(required = false) String caseReference, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        try {
            String code = uscc == null ? "" : uscc.strip();
            if (code.isEmpty()) {
                throw new RuleViolation("请填写统一社会信用代码。");
            }
            var firm = enterprises.findByUscc(code).orElseThrow(() -> new RuleViolation("未找到该统一社会信用代码的企业。"));
            scope.require(firm.organizationId());
            if (caseReference == null || caseReference.isBlank()) {
                throw new RuleViolation("请填写所涉行政处罚决定书文号或事故情况。");
            }
            long org = Actors.require().organizationId();
            long id = proposals.propose(firm.id(), org, ground == null ? "" : ground, null, caseReference.strip(), desk.today(), false)
                    .orElseThrow(() -> new RuleViolation("该企业已按此情形提议列入，请勿重复提议。"));
            redirect.addFlashAttribute("message", "已提议列入，请告知当事人。");
            return "redirect:/credit/listings/" + id;
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("form", new ProposalForm(uscc, ground, caseReference));
            return list(model);
        }
    }

    /** What the leader typed, shown again with the refusal. */
    record ProposalForm(String uscc, String ground, String caseReference) {
    }

    @PostMapping("/credit/listings/{id}/notify")
    @Allowed(Action.MANAGE_CREDIT_LISTINGS)
    @AuditAction("告知拟列入严重失信主体名单")
    String notifyParty(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect,
                       HttpServletResponse response) {
        return act(id, model, redirect, response, () -> {
            Listing l = desk.notifyParty(id, version);
            return "已告知当事人，陈述申辩期至 " + l.statementDue() + "。";
        });
    }

    @PostMapping("/credit/listings/{id}/statement")
    @Allowed(Action.MANAGE_CREDIT_LISTINGS)
    @AuditAction("记录陈述申辩")
    String statement(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String statement,
                     Model model, RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("statementText", statement);
        return act(id, model, redirect, response, () -> {
            desk.recordStatement(id, version, statement);
            return "已记录当事人的陈述申辩。";
        });
    }

    @PostMapping("/credit/listings/{id}/decide")
    @Allowed(Action.MANAGE_CREDIT_LISTINGS)
    @AuditAction("作出列入严重失信主体名单决定")
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String adoption,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("adoptionText", adoption);
        return act(id, model, redirect, response, () -> {
            Listing l = desk.decide(id, version, adoption);
            return "已作出列入决定（" + l.decisionNumber() + "），名单已公示。";
        });
    }

    @PostMapping("/credit/listings/{id}/drop")
    @Allowed(Action.MANAGE_CREDIT_LISTINGS)
    @AuditAction("不予列入严重失信主体名单")
    String drop(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("dropReason", reason);
        return act(id, model, redirect, response, () -> {
            desk.drop(id, version, reason);
            return "已决定不予列入。";
        });
    }

    @PostMapping("/credit/listings/{id}/repair")
    @Allowed(Action.MANAGE_CREDIT_LISTINGS)
    @AuditAction("信用修复提前移出严重失信主体名单")
    String repair(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) List<String> confirmed,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        model.addAttribute("repairReason", reason);
        return act(id, model, redirect, response, () -> {
            Listing l = desk.removeEarly(id, version, confirmed == null ? Set.of() : new HashSet<>(confirmed), reason);
            return "已提前移出名单并停止公示（停止公示期限 " + l.publicationStopDue() + "）。";
        });
    }

    /** Runs a step of the procedure; a refusal shows the listing page again with the message and what was typed. */
    private String act(long id, Model model, RedirectAttributes redirect, HttpServletResponse response, Supplier<String> step) {
        try {
            redirect.addFlashAttribute("message", step.get());
            return "redirect:/credit/listings/" + id;
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            return show(id, model);
        }
    }

    @GetMapping("/credit/listings/report")
    @Allowed(Action.READ_CREDIT_LISTINGS)
    ResponseEntity<byte[]> monthly(@RequestParam String month) {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("月份格式应为 YYYY-MM。");
        }
        byte[] xlsx = report.monthly(m, scope.visibleOrganizationIds());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("严重失信主体名单月报-" + m + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }
}
