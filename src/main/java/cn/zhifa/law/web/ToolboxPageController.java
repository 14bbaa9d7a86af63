package cn.zhifa.law.web;

import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.CodeCheck;
import cn.zhifa.law.Deadline;
import cn.zhifa.law.FineRange;
import cn.zhifa.law.StatutoryPeriod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The public toolbox page (法律工具箱): five calculators whose results are explained in plain Chinese
 * with their legal basis. Each form works without JavaScript (full page) and with htmx (result fragment).
 */
@Controller
@RequestMapping("/toolbox")
class ToolboxPageController {

    static final String PAGE = "law/toolbox";
    private static final java.time.format.DateTimeFormatter DUE_FORMAT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE", java.util.Locale.CHINA);

    private final Toolbox toolbox;

    ToolboxPageController(Toolbox toolbox) {
        this.toolbox = toolbox;
    }

    @GetMapping
    String page(Model model) {
        common(model);
        return PAGE;
    }

    @GetMapping("/deadline")
    String deadline(@RequestParam Map<String, String> params, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    Model model) {
        String mode = params.getOrDefault("mode", "WORKING_DAYS");
        compute(model, "deadline", () -> switch (mode) {
            case "WORKING_DAYS" -> toolbox.workingDays(params.get("from"), params.get("days"));
            case "CALENDAR_DAYS" -> toolbox.calendarDays(params.get("from"), params.get("days"));
            default -> toolbox.statutoryPeriod(mode, params.get("from"));
        });
        if (model.getAttribute("deadline") instanceof Deadline deadline) {
            model.addAttribute("dueText", DUE_FORMAT.format(deadline.due()));
        }
        if (model.getAttribute("deadline") instanceof Deadline && !mode.endsWith("_DAYS")) {
            model.addAttribute("period", toolbox.periods().period(cn.zhifa.law.PeriodCode.valueOf(mode)));
        }
        return view(htmx, "deadlineResult", model);
    }

    @GetMapping("/accident-grade")
    String accidentGrade(@RequestParam Map<String, String> params,
                         @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        compute(model, "assessment", () -> toolbox.accidentGrade(params.get("deaths"), params.get("seriousInjuries"),
                params.get("directLossYuan")));
        return view(htmx, "gradeResult", model);
    }

    @GetMapping("/accident-fine")
    String accidentFine(@RequestParam Map<String, String> params,
                        @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        boolean principal = "PRINCIPAL".equals(params.get("party"));
        String conduct = params.getOrDefault("conduct", "");
        compute(model, "fine", () -> {
            FineRange range = toolbox.accidentFine(params.get("grade"), params.get("party"),
                    principal ? null : params.get("aggravated"),
                    principal ? params.get("annualIncomeYuan") : null,
                    principal && "fled".equals(conduct) ? "true" : null,
                    principal && "concealed".equals(conduct) ? "true" : null);
            return range;
        });
        if (model.getAttribute("fine") instanceof FineRange range) {
            model.addAttribute("fineYuan", ToolboxApiController.wholeYuan(range));
        }
        return view(htmx, "fineResult", model);
    }

    @GetMapping("/uscc")
    String uscc(@RequestParam(required = false) String code,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CodeCheck<?> check = toolbox.uscc(code == null ? "" : code.strip());
        model.addAttribute("usccCheck", check);
        model.addAttribute("usccValidText", ToolboxApiController.VALID_USCC);
        return view(htmx, "usccResult", model);
    }

    @GetMapping("/id-number")
    String idNumber(@RequestParam(required = false) String number,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CodeCheck<?> check = toolbox.idNumber(number == null ? "" : number.strip());
        model.addAttribute("idCheck", check);
        model.addAttribute("idValidText", ToolboxApiController.VALID_ID_NUMBER);
        return view(htmx, "idResult", model);
    }

    private void compute(Model model, String name, Supplier<?> calculation) {
        try {
            model.addAttribute(name, calculation.get());
        } catch (ToolboxInputException e) {
            model.addAttribute(name + "Error", e.getMessage());
        }
    }

    private String view(String htmx, String fragment, Model model) {
        if (htmx != null) {
            return PAGE + " :: " + fragment;
        }
        common(model);
        return PAGE;
    }

    private void common(Model model) {
        List<StatutoryPeriod> periods = toolbox.periods().all().stream()
                .sorted(Comparator.comparing(StatutoryPeriod::code))
                .toList();
        model.addAttribute("periods", periods);
        model.addAttribute("grades", AccidentGrade.values());
    }
}
