package cn.zhifa.outreach.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.outreach.internal.Experts;
import cn.zhifa.outreach.internal.LetterKind;
import cn.zhifa.outreach.internal.Letters;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 提示函与警示函: the list (kind, year, firm) with each letter's number and document, and the issue form. */
@Controller
@Allowed(Action.READ_BUSINESS)
class LetterPages {

    private final Letters letters;
    private final Experts experts;

    LetterPages(Letters letters, Experts experts) {
        this.letters = letters;
        this.experts = experts;
    }

    @GetMapping("/outreach/letters")
    String list(@RequestParam(required = false) LetterKind kind, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long enterpriseId, @RequestParam(required = false) Integer page, Model model) {
        Letters.Filter filter = new Letters.Filter(kind, year, enterpriseId);
        model.addAttribute("letters", letters.search(filter, Page.number(page), 20));
        model.addAttribute("filter", filter);
        model.addAttribute("firm", enterpriseId == null ? null : experts.firm(enterpriseId));
        model.addAttribute("kinds", LetterKind.values());
        model.addAttribute("years", Workbook.years(letters.today().getYear()));
        return "outreach/letters";
    }

    @GetMapping("/outreach/letters/new")
    @Allowed(Action.ISSUE_OUTREACH_LETTER)
    String form(@RequestParam(required = false) Long enterpriseId, @RequestParam(required = false) String q,
                @RequestParam(required = false) LetterKind kind, Model model) {
        EnterpriseSummary firm = null;
        if (enterpriseId != null) {
            try {
                firm = experts.firm(enterpriseId);
            } catch (RuleViolation missing) {
                model.addAttribute("formError", missing.getMessage());
            }
        }
        model.addAttribute("firm", firm);
        model.addAttribute("q", q);
        model.addAttribute("firms", firm == null ? experts.firmsMatching(q) : List.of());
        model.addAttribute("kinds", LetterKind.values());
        model.addAttribute("today", letters.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Letters.IssueLetter(enterpriseId, kind == null ? LetterKind.TIP : kind, null, null,
                    null, letters.today().plusDays(15), UUID.randomUUID().toString()));
        }
        return "outreach/letter-form";
    }

    @PostMapping("/outreach/letters")
    @Allowed(Action.ISSUE_OUTREACH_LETTER)
    String issue(@ModelAttribute("form") Letters.IssueLetter form, BindingResult binding,
                 @RequestParam(name = "enterpriseId", required = false) String firmParam, Model model,
                 RedirectAttributes redirect) {
        Letters.LetterView letter;
        try {
            if (binding.hasErrors() || form == null) {
                throw new RuleViolation("请检查反馈期限的填写格式。");
            }
            letter = letters.issue(form);
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            model.addAttribute("formError", refused.getMessage());
            Long firmId = form != null ? form.enterpriseId() : Workbook.id(firmParam);
            if (form == null) {
                model.addAttribute("form", new Letters.IssueLetter(firmId, LetterKind.TIP, null, null, null,
                        letters.today().plusDays(15), UUID.randomUUID().toString()));
            }
            return form(firmId, null, form == null ? null : form.kind(), model);
        }
        redirect.addFlashAttribute("message", "已出具" + letter.kind().label() + " " + letter.documentNumber() + "。");
        return "redirect:/outreach/letters?enterpriseId=" + letter.enterpriseId();
    }
}
