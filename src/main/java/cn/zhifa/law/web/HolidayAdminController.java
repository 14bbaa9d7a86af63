package cn.zhifa.law.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.law.HolidayNotice;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.internal.HolidayTable;
import cn.zhifa.shared.security.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Administrators keep the official holiday notices: the bundled years are shown, and next year's
 * notice is added (or a year corrected) as soon as the State Council publishes it.
 */
@Controller
@RequestMapping(HolidayAdminController.PATH)
@Allowed(Action.MANAGE_HOLIDAYS)
class HolidayAdminController {

    static final String PATH = "/admin/law/holidays";

    private final HolidayTable table;
    private final LegalCalendar calendar;
    private final Clock clock;
    private final cn.zhifa.law.StatutoryPeriods periods;
    private final cn.zhifa.law.AccidentFines accidentFines;
    private final List<cn.zhifa.law.UnconfirmedLegalValues> otherModules;

    HolidayAdminController(HolidayTable table, LegalCalendar calendar, Clock clock, cn.zhifa.law.StatutoryPeriods periods,
                           cn.zhifa.law.AccidentFines accidentFines,
                           List<cn.zhifa.law.UnconfirmedLegalValues> otherModules) {
        this.table = table;
        this.calendar = calendar;
        this.clock = clock;
        this.periods = periods;
        this.accidentFines = accidentFines;
        this.otherModules = otherModules;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        HolidayNoticeForm form = year == null ? blankFor(nextYearWithoutNotice())
                : table.stored(year).map(s -> HolidayNoticeForm.of(s.notice())).orElseGet(() -> blankFor(year));
        return page(model, form, List.of());
    }

    @PostMapping
    @Allowed(Action.MANAGE_HOLIDAYS)
    String save(@ModelAttribute("form") HolidayNoticeForm form, Model model, RedirectAttributes redirect) {
        HolidayNoticeForm.Result result = form.toNotice();
        Audit.target("节假日安排通知", form.getYear());
        if (!result.problems().isEmpty()) {
            return page(model, form, result.problems());
        }
        HolidayNotice notice = result.notice();
        String user = Actors.current().map(actor -> actor.username()).orElse("unknown");
        table.save(notice, user);
        calendar.refresh();
        Audit.detail("保存" + notice.year() + "年节假日安排：放假" + notice.restDays().size() + "天，调休上班"
                + notice.makeUpWorkdays().size() + "天");
        redirect.addFlashAttribute("message", "已保存" + notice.year() + "年节假日安排，期限计算即时生效。");
        return "redirect:" + PATH;
    }

    private String page(Model model, HolidayNoticeForm form, List<String> problems) {
        model.addAttribute("notices", table.stored());
        // the periods whose source is unconfirmed: flagged here for the administrator, not beside users' deadlines
        model.addAttribute("unconfirmedPeriods", periods.all().stream().filter(p -> !p.confirmed()).toList());
        model.addAttribute("unconfirmedRules", java.util.stream.Stream.concat(accidentFines.unconfirmedSubRanges().stream(),
                otherModules.stream().flatMap(m -> m.unconfirmed().stream())).toList());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("provisionalFrom", nextYearWithoutNotice());
        return "law/holidays";
    }

    private int nextYearWithoutNotice() {
        int year = LocalDate.now(clock).getYear();
        while (calendar.hasNoticeFor(year)) {
            year++;
        }
        return year;
    }

    private static HolidayNoticeForm blankFor(int year) {
        HolidayNoticeForm form = new HolidayNoticeForm();
        form.setYear(String.valueOf(year));
        form.setTitle("国务院办公厅关于" + year + "年部分节假日安排的通知");
        return form;
    }
}
