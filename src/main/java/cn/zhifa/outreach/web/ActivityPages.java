package cn.zhifa.outreach.web;

import cn.zhifa.shared.web.Spreadsheets;
import cn.zhifa.audit.Audit;
import cn.zhifa.outreach.internal.Activities;
import cn.zhifa.outreach.internal.Activities.ActivityView;
import cn.zhifa.outreach.internal.ActivityKind;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 普法活动: the list of the caller's scope (kind, year, keyword, pages, Excel) and the record form. */
@Controller
@Allowed(Action.READ_BUSINESS)
class ActivityPages {

    private final Activities activities;

    ActivityPages(Activities activities) {
        this.activities = activities;
    }

    @GetMapping("/outreach/activities")
    String list(@RequestParam(required = false) ActivityKind kind, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Activities.Filter filter = new Activities.Filter(kind, year, Workbook.blankToNull(q));
        model.addAttribute("activities", activities.search(filter, Page.number(page), 20));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("years", Workbook.years(activities.today().getYear()));
        model.addAttribute("today", activities.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Activities.RecordActivity(null, null, null, null, activities.ownUnitName(),
                    null, null, null));
        }
        return "outreach/activities";
    }

    @GetMapping("/outreach/activities.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) ActivityKind kind, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String q) {
        List<ActivityView> rows = activities.all(new Activities.Filter(kind, year, Workbook.blankToNull(q)));
        return Spreadsheets.download("普法活动", "普法活动.xlsx",
                List.of("活动类型", "活动名称", "日期", "地点", "组织单位", "覆盖单位数", "受众人数（份数）", "登记单位", "备注"),
                rows.stream().map(a -> List.<Object>of(a.kind().label(), a.title(), a.heldOn().toString(), a.place(),
                        a.organizer(), a.unitsReached(), a.peopleReached(), a.unitName(), a.note() == null ? "" : a.note())).toList());
    }

    @PostMapping("/outreach/activities")
    @Allowed(Action.RECORD_OUTREACH)
    String record(@ModelAttribute("form") Activities.RecordActivity form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            if (binding.hasErrors() || form == null) {
                throw new RuleViolation("请检查日期和人数的填写格式。");
            }
            activities.record(form);
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            model.addAttribute("formError", refused.getMessage());
            if (form == null) {
                model.addAttribute("form", new Activities.RecordActivity(null, null, null, null, activities.ownUnitName(),
                        null, null, null));
            }
            return list(null, null, null, null, model);
        }
        redirect.addFlashAttribute("message", "已登记普法活动。");
        return "redirect:/outreach/activities";
    }
}
