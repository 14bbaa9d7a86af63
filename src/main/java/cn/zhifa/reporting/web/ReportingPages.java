package cn.zhifa.reporting.web;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.AnnualReport;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.PeriodReport;
import cn.zhifa.reporting.internal.FigureWorkbook;
import cn.zhifa.reporting.internal.PeriodWorkbook;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * 统计分析: the dashboard per role (an officer sees his own work and his unit, a leader his unit, a supervisor the
 * city, each choosing a unit of the scope), its XLSX export, and the annual report page.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class ReportingPages {

    private final ReportingManagement reporting;
    private final OrganizationManagement organizations;

    ReportingPages(ReportingManagement reporting, OrganizationManagement organizations) {
        this.reporting = reporting;
        this.organizations = organizations;
    }

    @GetMapping("/reporting")
    String dashboard(@RequestParam(required = false) String year, @RequestParam(required = false) Long unit, Model model) {
        Integer chosen = parsedYear(year, model);
        if (chosen == null) {
            return page(reporting.today().getYear(), unit, model);
        }
        return page(chosen, unit, model);
    }

    private String page(int year, Long unit, Model model) {
        Actor actor = Actors.require();
        AnnualFigures figures = reporting.annual(year, unit);
        model.addAttribute("year", year);
        model.addAttribute("f", figures);
        model.addAttribute("lines", FigureWorkbook.lines(figures));
        java.util.Map<String, String> drill = DrillDown.links(figures);
        model.addAttribute("drill", drill);
        model.addAttribute("counted", drill.keySet().stream().filter(DrillDown::counts).collect(Collectors.toSet()));
        model.addAttribute("documentLink", (java.util.function.Function<String, String>) kind ->
                DrillDown.documents(kind, year, figures.organizationId()));
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("rows", reporting.unitRows(year, figures.organizationId()));
        model.addAttribute("months", Arrays.stream(reporting.visitsPerMonth(year, figures.organizationId()))
                .mapToObj(Long::toString).collect(Collectors.joining(",")));
        boolean officerOnly = actor.has(Role.OFFICER) && !actor.has(Role.LEADER) && !actor.has(Role.SUPERVISOR);
        model.addAttribute("officerOnly", officerOnly);
        if (officerOnly) {
            model.addAttribute("own", reporting.own(year));
        }
        model.addAttribute("label", (java.util.function.Function<String, String>) ReportingManagement::label);
        model.addAttribute("wan", (java.util.function.Function<java.math.BigDecimal, String>) AnnualFigures::wan);
        java.time.LocalDate today = reporting.today();
        model.addAttribute("thisMonth", java.time.YearMonth.from(today).toString());
        model.addAttribute("thisQuarter", today.getYear() + "-Q" + ((today.getMonthValue() + 2) / 3));
        model.addAttribute("asOf", asOf());
        return "reporting/dashboard";
    }

    /** "数据截至 …" when the figures come from a read replica (null otherwise: they are current). */
    private String asOf() {
        return reporting.figuresAsOf().map(asOf -> asOfLabel(asOf, reporting.today())).orElse(null);
    }

    /** 数据截至 14:05 today, 数据截至 3月2日 14:05 on another day of this year, with the year before that. */
    static String asOfLabel(java.time.LocalDateTime asOf, java.time.LocalDate today) {
        String pattern = asOf.toLocalDate().equals(today) ? "HH:mm"
                : asOf.getYear() == today.getYear() ? "M月d日 HH:mm" : "yyyy年M月d日 HH:mm";
        return "数据截至 " + asOf.format(java.time.format.DateTimeFormatter.ofPattern(pattern));
    }

    private Integer parsedYear(String year, Model model) {
        if (year == null || year.isBlank()) {
            return reporting.today().getYear();
        }
        try {
            return reporting.checkedYear(Integer.valueOf(year.strip()));
        } catch (NumberFormatException e) {
            model.addAttribute("error", "统计年度应为四位数字年份。");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return null;
    }

    @GetMapping("/reporting/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unit) {
        int chosen = reporting.checkedYear(year);
        AnnualFigures figures = reporting.annual(chosen, unit);
        byte[] xlsx = FigureWorkbook.write(figures, reporting.unitRows(chosen, figures.organizationId()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(figures.scopeName() + chosen + "年度执法统计.xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    /** The monthly ({@code period=2026-03}) or quarterly ({@code period=2026-Q1}) 统计报表 as XLSX. */
    @GetMapping("/reporting/periodic")
    Object periodic(@RequestParam(required = false) String period, @RequestParam(required = false) Long unit, Model model) {
        PeriodReport.Period chosen;
        try {
            chosen = PeriodReport.Period.parse(period);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return page(reporting.today().getYear(), unit, model);
        }
        PeriodReport report = reporting.periodReport(chosen, unit);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.unit() + "执法统计报表-" + chosen.label() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(PeriodWorkbook.write(report, reporting.today()));
    }

    @GetMapping("/reporting/annual")
    String annual(@RequestParam(required = false) String year, @RequestParam(required = false) Long unit,
                  @RequestParam(defaultValue = "WORK") String variant, Model model) {
        Integer chosen = parsedYear(year, model);
        int shown = chosen == null ? reporting.today().getYear() : chosen;
        AnnualReport.Variant v = ReportingApi.variant(variant);
        AnnualFigures figures = reporting.annual(shown, unit);
        model.addAttribute("year", shown);
        model.addAttribute("f", figures);
        model.addAttribute("variant", v);
        model.addAttribute("variants", AnnualReport.Variant.values());
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("report", AnnualReport.of(figures, v));
        model.addAttribute("asOf", asOf());
        return "reporting/annual";
    }

    @GetMapping("/reporting/annual.docx")
    ResponseEntity<byte[]> annualDocx(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unit,
                                      @RequestParam(defaultValue = "WORK") String variant) {
        AnnualReport.Variant v = ReportingApi.variant(variant);
        return ReportingApi.docx(AnnualReport.of(reporting.annual(reporting.checkedYear(year), unit), v));
    }
}
