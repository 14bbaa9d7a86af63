package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.registry.EnterpriseForm;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseProfile;
import cn.zhifa.registry.EnterpriseQuery;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.IndustryCatalog;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import cn.zhifa.registry.internal.EnterpriseExports;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/** The enterprise list (filters, sort, paging, export), profile, form and merge pages. */
@Controller
@Allowed(Action.READ_BUSINESS)
class EnterprisePages {

    private final EnterpriseManagement enterprises;
    private final EnterpriseExports exports;
    private final List<cn.zhifa.registry.EnterpriseProfileSection> sections;

    EnterprisePages(EnterpriseManagement enterprises, EnterpriseExports exports,
                    List<cn.zhifa.registry.EnterpriseProfileSection> sections) {
        this.enterprises = enterprises;
        this.exports = exports;
        this.sections = sections;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("risks", RiskFeature.values());
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("levels", SupervisionLevel.values());
        model.addAttribute("sections", IndustryCatalog.sections());
        model.addAttribute("divisions", IndustryCatalog.divisions());
        model.addAttribute("sorts", EnterpriseQuery.Sort.values());
        model.addAttribute("canEdit", cn.zhifa.shared.security.Actors.current()
                .map(a -> a.has(cn.zhifa.shared.security.Role.OFFICER) || a.has(cn.zhifa.shared.security.Role.LEADER)).orElse(false));
    }

    @GetMapping("/registry/enterprises")
    String list(EnterpriseFilter filter, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        Page<EnterpriseSummary> result = enterprises.search(filter.query(), Page.number(page), Page.size(size));
        model.addAttribute("enterprises", result);
        model.addAttribute("filter", filter);
        model.addAttribute("capped", result.total() > enterprises.countCap());
        model.addAttribute("countCap", enterprises.countCap());
        model.addAttribute("towns", enterprises.towns());
        model.addAttribute("townNames", enterprises.towns().stream()
                .collect(Collectors.toMap(t -> t.divisionCode(), t -> t.name(), (a, b) -> a)));
        return "registry/enterprises";
    }

    @GetMapping("/registry/enterprises/export.xlsx")
    @AuditAction("导出企业列表")
    void export(EnterpriseFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("企业列表.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        exports.export(filter.query(), response.getOutputStream());
    }

    @GetMapping("/registry/enterprises/new")
    @Allowed(Action.EDIT_ENTERPRISE)
    String newForm(Model model) {
        model.addAttribute("form", EnterpriseForm.empty());
        return form(model, null);
    }

    @PostMapping("/registry/enterprises")
    @Allowed(Action.EDIT_ENTERPRISE)
    @AuditAction("登记企业")
    String register(@ModelAttribute("form") EnterpriseForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect, HttpServletRequest request) {
        if (errors.hasErrors()) {
            model.addAttribute("refusal", BindingMessages.of(errors));
            model.addAttribute("typedNumbers", typedNumbers(request));
            return form(model, null);
        }
        try {
            EnterpriseSummary created = enterprises.register(form);
            redirect.addFlashAttribute("message", "已登记企业“" + created.name() + "”。");
            return "redirect:/registry/enterprises/" + created.id();
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(model, null);
        }
    }

    @GetMapping("/registry/enterprises/{id}")
    String profile(@PathVariable long id, Model model) {
        model.addAttribute("profile", enterprises.profile(id));
        model.addAttribute("profileSections", sections.stream().flatMap(s -> s.blockFor(id).stream()).toList());
        return "registry/profile";
    }

    /**
     * The legal representative's full phone, shown on the firm's page only when asked for (个人信息查阅, audited as a
     * read like the emergency registers' phones): whoever may open the firm's page may ask.
     */
    @GetMapping(value = "/registry/enterprises/{id}/phone", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String phone(@PathVariable long id) {
        return "<span class=\"text-break\" id=\"legal-representative-phone-full\">"
                + HtmlUtils.htmlEscape(enterprises.legalRepresentativePhone(id)) + "</span>";
    }

    @GetMapping("/registry/enterprises/{id}/edit")
    @Allowed(Action.EDIT_ENTERPRISE)
    String editForm(@PathVariable long id, Model model) {
        EnterpriseProfile profile = enterprises.profile(id);
        model.addAttribute("form", profile.form().withoutPersonalNumbers());
        return form(model, profile);
    }

    @PostMapping("/registry/enterprises/{id}")
    @Allowed(Action.EDIT_ENTERPRISE)
    @AuditAction("修改企业信息")
    String describe(@PathVariable long id, @RequestParam int version, @ModelAttribute("form") EnterpriseForm form,
                    BindingResult errors, Model model, RedirectAttributes redirect,
                    HttpServletRequest request) {
        EnterpriseProfile current = enterprises.profile(id);
        if (errors.hasErrors()) {
            model.addAttribute("refusal", BindingMessages.of(errors));
            model.addAttribute("typedNumbers", typedNumbers(request));
            return form(model, current);
        }
        try {
            enterprises.describe(id, form.keepingPersonalNumbers(current.form()), version);
            redirect.addFlashAttribute("message", "已保存企业信息。");
            return "redirect:/registry/enterprises/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(model, current);
        }
    }

    @GetMapping("/registry/enterprises/merge")
    @Allowed(Action.EDIT_ENTERPRISE)
    String mergeCandidates(Model model) {
        model.addAttribute("candidates", enterprises.mergeCandidates());
        return "registry/merge";
    }

    @PostMapping("/registry/enterprises/{id}/merge")
    @Allowed(Action.EDIT_ENTERPRISE)
    @AuditAction("合并重复企业")
    String merge(@PathVariable long id, @RequestParam long targetId, Model model, RedirectAttributes redirect) {
        try {
            enterprises.merge(id, targetId);
            redirect.addFlashAttribute("message", "已合并，保留的记录保存了双方的变更历史。");
            return "redirect:/registry/enterprises/merge";
        } catch (RuleViolation refused) {
            // shown on the re-rendered page (not a flash) so the audit records the request as rejected
            model.addAttribute("refusal", refused.getMessage());
            return mergeCandidates(model);
        }
    }

    /**
     * The phones and the ID number as typed, for a form refused before it could be bound (a field that is not a number,
     * say): the other inputs come back from the binding result, these (stored-number inputs, not bound to the form) from
     * here.
     */
    private static Map<String, String> typedNumbers(HttpServletRequest request) {
        Map<String, String> typed = new HashMap<>();
        for (String name : List.of("legalRepresentativeId", "legalRepresentativePhone", "principalPhone", "safetyPhone")) {
            String value = request.getParameter(name);
            if (value != null) {
                typed.put(name, value);
            }
        }
        return typed;
    }

    /**
     * The form page. Editing, it shows the stored phones and ID number masked as hints, never the numbers (a full phone
     * is an audited read on the firm's page): a number left empty on save keeps the stored one, a typed one replaces it.
     */
    private String form(Model model, EnterpriseProfile current) {
        model.addAttribute("current", current);
        model.addAttribute("storedNumbers", current == null ? Map.of() : current.maskedPersonalNumbers());
        model.addAttribute("towns", enterprises.towns());
        return "registry/enterprise-form";
    }
}
