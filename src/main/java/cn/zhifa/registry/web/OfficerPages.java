package cn.zhifa.registry.web;

import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.CertificateForm;
import cn.zhifa.registry.OfficerCertificate;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.Supervisor;
import cn.zhifa.registry.TrainingRecord;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Role;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Officers and their 行政执法证 (issue, renew, suspend, reinstate, revoke, training), supervisors, public list. */
@Controller
class OfficerPages {

    private final OfficerManagement officers;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final Clock clock;

    OfficerPages(OfficerManagement officers, UserManagement users, OrganizationManagement organizations, Clock clock) {
        this.officers = officers;
        this.users = users;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping("/registry/officers")
    @PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL','SUPERVISOR')")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CertificateForm.empty());
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("certificates", officers.certificates());
        model.addAttribute("expiring", officers.expiring());
        model.addAttribute("warningDays", officers.warningDays());
        model.addAttribute("statistics", officers.statistics(today.getYear()));
        model.addAttribute("candidates", users.search(null, null, 0, 200).items().stream()
                .filter(u -> u.roles().contains(Role.OFFICER)).toList());
        return "registry/officers";
    }

    @PostMapping("/registry/officers/certificates")
    @PreAuthorize("hasRole('LEADER')")
    @AuditAction("登记行政执法证")
    String issue(@Valid @ModelAttribute("form") CertificateForm form, BindingResult errors, Model model,
                 RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("refusal", BindingMessages.of(errors));
            return list(model);
        }
        try {
            OfficerCertificate issued = officers.issue(form);
            redirect.addFlashAttribute("message", "已登记 " + issued.getOfficerName() + " 的执法证 " + issued.getCertificateNo() + "。");
            return "redirect:/registry/officers/certificates/" + issued.getId();
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return list(model);
        }
    }

    @GetMapping("/registry/officers/certificates/{id}")
    @PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL','SUPERVISOR')")
    String certificate(@PathVariable long id, Model model) {
        OfficerCertificate certificate = officers.certificate(id);
        model.addAttribute("certificate", certificate);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("trainings", officers.trainings(certificate.getUserId()));
        model.addAttribute("verdict", officers.mayEnforce(certificate.getUserId(), LocalDate.now(clock)));
        return "registry/certificate";
    }

    @PostMapping("/registry/officers/certificates/{id}/renew")
    @PreAuthorize("hasRole('LEADER')")
    @AuditAction("执法证换证延期")
    String renew(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                 RedirectAttributes redirect) {
        return change(id, redirect, "已延期。", () -> officers.renew(id, expiresOn));
    }

    @PostMapping("/registry/officers/certificates/{id}/suspend")
    @PreAuthorize("hasRole('LEADER')")
    @AuditAction("暂扣执法证")
    String suspend(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return change(id, redirect, "已暂扣。", () -> officers.suspend(id, reason));
    }

    @PostMapping("/registry/officers/certificates/{id}/reinstate")
    @PreAuthorize("hasRole('LEADER')")
    @AuditAction("恢复执法证")
    String reinstate(@PathVariable long id, RedirectAttributes redirect) {
        return change(id, redirect, "已恢复。", () -> officers.reinstate(id));
    }

    @PostMapping("/registry/officers/certificates/{id}/revoke")
    @PreAuthorize("hasRole('LEADER')")
    @AuditAction("注销执法证")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return change(id, redirect, "已注销。", () -> officers.revoke(id, reason));
    }

    @PostMapping("/registry/officers/certificates/{id}/trainings")
    @PreAuthorize("hasAnyRole('LEADER')")
    @AuditAction("登记执法人员培训")
    String training(@PathVariable long id, @RequestParam(required = false) String course,
                    @RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) BigDecimal examScore,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
                    RedirectAttributes redirect) {
        return change(id, redirect, "已登记培训记录。", () -> {
            officers.recordTraining(new TrainingRecord(officers.certificate(id).getUserId(), course, hours, examScore, completedOn));
            return null;
        });
    }

    private String change(long id, RedirectAttributes redirect, String done, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("message", done);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/registry/officers/certificates/" + id;
    }

    @GetMapping("/registry/supervisors")
    @PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL','SUPERVISOR')")
    String supervisors(Model model) {
        model.addAttribute("supervisors", officers.supervisors());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("kinds", Supervisor.SupervisorKind.values());
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("unitNames", organizations.visibleTree().stream()
                .collect(Collectors.toMap(o -> o.id(), o -> o.name())));
        return "registry/supervisors";
    }

    @PostMapping("/registry/supervisors")
    @PreAuthorize("hasAnyRole('LEADER','SUPERVISOR')")
    @AuditAction("聘任检查员或监督员")
    String appoint(@RequestParam(required = false) Supervisor.SupervisorKind kind, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String idNumber, @RequestParam(required = false) String employer,
                   @RequestParam(required = false) String phone, @RequestParam(required = false) Long organizationId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termStart,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termEnd,
                   RedirectAttributes redirect) {
        try {
            if (organizationId == null) {
                throw new RuleViolation("请选择所属单位。");
            }
            officers.appoint(kind, name, idNumber, employer, phone, organizationId, termStart, termEnd);
            redirect.addFlashAttribute("message", "已登记。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/registry/supervisors";
    }

    /** Public (no login): the social supervisors serving today, with masked phone numbers. */
    @GetMapping("/public/supervisors")
    String publicSupervisors(Model model) {
        List<Supervisor> serving = officers.publicSocialSupervisors();
        Map<Long, String> units = serving.stream().map(Supervisor::organizationId).distinct()
                .collect(Collectors.toMap(id -> id, id -> organizations.find(id).map(o -> o.name()).orElse("")));
        model.addAttribute("supervisors", serving);
        model.addAttribute("units", units);
        return "registry/public-supervisors";
    }

    static String name(UserView user) {
        return user.displayName();
    }
}
