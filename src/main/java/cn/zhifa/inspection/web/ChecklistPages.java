package cn.zhifa.inspection.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.inspection.ChecklistManagement;
import cn.zhifa.inspection.ChecklistTemplate;
import cn.zhifa.shared.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Checklist templates; ADMIN saves revisions as new versions. */
@Controller
class ChecklistPages {

    private final ChecklistManagement checklists;

    ChecklistPages(ChecklistManagement checklists) {
        this.checklists = checklists;
    }

    @GetMapping("/inspection/checklists")
    String list(Model model) {
        model.addAttribute("templates", checklists.current());
        return "inspection/checklists";
    }

    @GetMapping("/inspection/checklists/{id}")
    String detail(@PathVariable long id, Model model) {
        ChecklistTemplate template = checklists.get(id);
        model.addAttribute("template", template);
        model.addAttribute("versions", checklists.versions(template.getCode()));
        model.addAttribute("admin", cn.zhifa.shared.security.Actors.require().has(cn.zhifa.shared.security.Role.ADMIN));
        return "inspection/checklist";
    }

    @PostMapping("/inspection/checklists/{id}")
    @Allowed(Action.EDIT_CHECKLISTS)
    @AuditAction("修订检查清单")
    String revise(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        List<ChecklistTemplate.Item> items = new ArrayList<>();
        List<String> codes = form.getOrDefault("code", List.of());
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).strip();
            String content = value(form, "content", i);
            if (code.isEmpty() && content.isEmpty()) {
                continue;
            }
            items.add(new ChecklistTemplate.Item(code, content, value(form, "legalBasis", i),
                    form.getOrDefault("major", List.of()).contains(code), blankToNull(value(form, "criterion", i)),
                    blankToNull(value(form, "appliesTo", i)), value(form, "verification", i).isEmpty() ? "R"
                    : value(form, "verification", i), blankToNull(value(form, "violation", i))));
        }
        try {
            ChecklistTemplate saved = checklists.revise(id, form.getFirst("title"), items, reason);
            redirect.addFlashAttribute("message", "已保存为第 " + saved.getVersion() + " 版；已使用旧版本的检查记录不受影响。");
            return "redirect:/inspection/checklists/" + saved.getId();
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return detail(id, model);
        }
    }

    private static String value(MultiValueMap<String, String> form, String name, int index) {
        List<String> values = form.getOrDefault(name, List.of());
        return index < values.size() && values.get(index) != null ? values.get(index).strip() : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
