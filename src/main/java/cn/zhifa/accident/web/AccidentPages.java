package cn.zhifa.accident.web;

import cn.zhifa.accident.AccidentFilter;
import cn.zhifa.accident.AccidentKind;
import cn.zhifa.accident.AccidentManagement;
import cn.zhifa.accident.AccidentManagement.Member;
import cn.zhifa.accident.AccidentManagement.MeasureInput;
import cn.zhifa.accident.AccidentRow;
import cn.zhifa.accident.AccidentStatus;
import cn.zhifa.accident.AccidentView;
import cn.zhifa.accident.NewAccident;
import cn.zhifa.accident.TeamRole;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** The accident pages: list (filters, XLSX), 快报 form, the accident with its timeline and actions, statistics, 警示教育. */
@Controller
@Allowed(Action.READ_BUSINESS)
class AccidentPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AccidentManagement accidents;
    private final OrganizationManagement organizations;
    private final Validator validator;

    AccidentPages(AccidentManagement accidents, OrganizationManagement organizations, Validator validator) {
        this.accidents = accidents;
        this.organizations = organizations;
        this.validator = validator;
    }

    @GetMapping("/accidents")
    String list(@RequestParam(required = false) AccidentGrade grade, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) AccidentStatus status,
                @RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page, Model model) {
        AccidentFilter filter = new AccidentFilter(grade, year, unit, status, keyword);
        model.addAttribute("accidents", accidents.search(filter, page, 20));
        model.addAttribute("f", filter);
        model.addAttribute("grades", AccidentGrade.values());
        model.addAttribute("statuses", AccidentStatus.values());
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("pagerQuery", query(filter));
        return "accident/list";
    }

    @GetMapping("/accidents.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) AccidentGrade grade, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Long unit, @RequestParam(required = false) AccidentStatus status,
                                  @RequestParam(required = false) String keyword) {
        List<AccidentRow> rows = accidents.all(new AccidentFilter(grade, year, unit, status, keyword));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("生产安全事故");
            String[] titles = {"事故名称", "事故发生单位", "承办单位", "发生时间", "事故类别", "事故等级", "死亡（人）", "重伤（人）",
                    "下落不明（人）", "直接经济损失（万元）", "状态", "挂牌督办", "警示教育"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (AccidentRow a : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(a.title());
                row.createCell(1).setCellValue(a.enterpriseName());
                row.createCell(2).setCellValue(a.organizationName());
                row.createCell(3).setCellValue(HOUR.format(a.occurredAt()));
                row.createCell(4).setCellValue(a.kindLabel());
                row.createCell(5).setCellValue(a.gradeLabel());
                row.createCell(6).setCellValue(a.deaths());
                row.createCell(7).setCellValue(a.seriousInjuries());
                row.createCell(8).setCellValue(a.missing());
                row.createCell(9).setCellValue(a.directLossYuan().movePointLeft(4).doubleValue());
                row.createCell(10).setCellValue(a.statusLabel());
                row.createCell(11).setCellValue(a.supervised() ? "是" : "否");
                row.createCell(12).setCellValue(a.typical() ? "是" : "否");
            }
            sheet.setColumnWidth(0, 36 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("生产安全事故.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/accidents/new")
    String form(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("firms", accidents.firms(q));
        model.addAttribute("q", q);
        model.addAttribute("kinds", AccidentKind.values());
        model.addAttribute("now", accidents.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkedHashMap<String, String>());
        }
        return "accident/form";
    }

    @PostMapping("/accidents")
    @Allowed(Action.REPORT_ACCIDENT)
    String report(@RequestParam Map<String, String> params, Model model) {
        try {
            NewAccident command = new NewAccident(longOrNull(params.get("enterpriseId")), params.get("title"),
                    time(params.get("occurredAt"), "事故发生时间"), time(params.get("receivedAt"), "接报时间"),
                    time(params.get("forwardedAt"), "上报时间"), params.get("place"), kind(params.get("kind")),
                    count(params.get("deaths"), "死亡人数"), count(params.get("seriousInjuries"), "重伤人数"),
                    count(params.get("missing"), "下落不明人数"), money(params.get("directLossYuan")), params.get("summary"));
            validate(command);
            if (command.occurredAt() == null || command.receivedAt() == null) {
                throw new RuleViolation("请填写事故发生时间和接报时间。");
            }
            long id = accidents.report(command);
            return "redirect:/accidents/" + id + "?reported";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("form", new LinkedHashMap<>(params));
            return form(null, model);
        }
    }

    @GetMapping("/accidents/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String reported, Model model) {
        AccidentView a = accidents.get(id);
        model.addAttribute("a", a);
        model.addAttribute("timeline", timeline(a));
        model.addAttribute("today", accidents.today());
        model.addAttribute("now", accidents.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        if (reported != null) {
            model.addAttribute("message", "已登记事故快报，定级为" + a.gradeLabel() + "。");
        }
        return "accident/detail";
    }

    /** The accident of a case proposed on its 批复 (the case page links here). */
    @GetMapping("/accidents/by-case/{caseId}")
    String ofCase(@PathVariable long caseId) {
        return accidents.accidentOfCase(caseId).map(id -> "redirect:/accidents/" + id)
                .orElseThrow(() -> RuleViolation.notFound("该案件不是依据事故调查报告批复提出的。"));
    }

    @PostMapping("/accidents/{id}/follow-up")
    @Allowed(Action.REPORT_ACCIDENT)
    String followUp(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var command = new AccidentManagement.FollowUp(time(p.get("reportedAt"), "续报时间"), count(p.get("deaths"), "死亡人数"),
                    count(p.get("seriousInjuries"), "重伤人数"), count(p.get("missing"), "下落不明人数"),
                    money(p.get("directLossYuan")), p.get("note"));
            validate(command);
            accidents.followUp(id, command);
            return "已登记续报，事故等级为" + accidents.get(id).gradeLabel() + "。";
        });
    }

    @PostMapping("/accidents/{id}/investigation")
    @Allowed(Action.INVESTIGATE_ACCIDENT)
    String investigate(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<Member> team = new ArrayList<>();
            if (p.get("leader") == null || p.get("leader").isBlank()) {
                throw new RuleViolation("请填写调查组组长。");
            }
            team.add(new Member(TeamRole.LEADER, p.get("leader"), p.get("leaderUnit")));
            team.addAll(members(p.get("members"), TeamRole.MEMBER));
            team.addAll(members(p.get("experts"), TeamRole.EXPERT));
            var command = new AccidentManagement.StartInvestigation(date(p.get("startedOn"), "调查开始日期"), team);
            validate(command);
            accidents.startInvestigation(id, command);
            return "已组成事故调查组。";
        });
    }

    @PostMapping("/accidents/{id}/investigation/extend")
    @Allowed(Action.DECIDE_ACCIDENT)
    String extendInvestigation(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            accidents.extendInvestigation(id, new AccidentManagement.ExtendInvestigation(reason));
            return "调查期限已延长。";
        });
    }

    @PostMapping("/accidents/{id}/report")
    @Allowed(Action.INVESTIGATE_ACCIDENT)
    String submitReport(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var command = new AccidentManagement.SubmitReport(date(p.get("receivedOn"), "收到调查报告日期"), p.get("causes"),
                    p.get("unitResponsibility"), "true".equals(p.get("unitResponsible")), p.get("principalName"),
                    p.get("principalIncomeYuan") == null || p.get("principalIncomeYuan").isBlank() ? null : money(p.get("principalIncomeYuan")),
                    p.get("personResponsibility"), p.get("recommendedPenalties"), measures(p.get("measures")));
            validate(command);
            accidents.submitReport(id, command);
            return "已登记事故调查报告，待批复。";
        });
    }

    @PostMapping("/accidents/{id}/approval/extend")
    @Allowed(Action.DECIDE_ACCIDENT)
    String extendApproval(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            accidents.extendApproval(id);
            return "批复期限已延长。";
        });
    }

    @PostMapping("/accidents/{id}/approve")
    @Allowed(Action.DECIDE_ACCIDENT)
    String approve(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var command = new AccidentManagement.Approve(date(p.get("approvedOn"), "批复日期"), p.get("text"));
            validate(command);
            int n = accidents.approve(id, command).size();
            return "已登记批复" + (n == 0 ? "。" : "，并提出处罚案件 " + n + " 件，请到案件办理中立案。");
        });
    }

    @PostMapping("/accidents/{id}/measures/{index}/done")
    @Allowed(Action.INVESTIGATE_ACCIDENT)
    String measureDone(@PathVariable long id, @PathVariable int index, @RequestParam(required = false) String doneOn,
                       RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            accidents.completeMeasure(id, index, date(doneOn, "完成日期"));
            return "已登记措施落实。";
        });
    }

    @PostMapping("/accidents/{id}/evaluate")
    @Allowed(Action.DECIDE_ACCIDENT)
    String evaluate(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var command = new AccidentManagement.Evaluate(date(p.get("evaluatedOn"), "评估日期"), p.get("result"));
            validate(command);
            accidents.evaluate(id, command);
            return "已登记整改和防范措施落实情况评估。";
        });
    }

    @PostMapping("/accidents/{id}/typical")
    @Allowed(Action.DECIDE_ACCIDENT)
    String typical(@PathVariable long id, @RequestParam(required = false) String publicSummary, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            accidents.markTypical(id, publicSummary);
            return "已列入警示教育典型事故。";
        });
    }

    @PostMapping("/accidents/{id}/typical/remove")
    @Allowed(Action.DECIDE_ACCIDENT)
    String untypical(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            accidents.unmarkTypical(id);
            return "已移出警示教育。";
        });
    }

    @GetMapping("/accidents/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null || year < 2000 || year > 2100 ? accidents.today().getYear() : year;
        model.addAttribute("s", accidents.statistics(y));
        model.addAttribute("year", y);
        return "accident/statistics";
    }

    @GetMapping("/accidents/warnings")
    String warnings(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("warnings", accidents.warnings(page, 10));
        return "accident/warnings";
    }

    // ---- helpers

    private interface Step {
        String run();
    }

    private String act(long id, RedirectAttributes redirect, Step step) {
        try {
            redirect.addFlashAttribute("message", step.run());
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/accidents/" + id;
    }

    /** A page of dated steps: 快报/续报, 调查, 调查报告, 批复, cases, measures done, 评估. */
    record Step2(String when, String what, String detail) {
    }

    private static List<Step2> timeline(AccidentView a) {
        List<Step2> steps = new ArrayList<>();
        steps.add(new Step2(HOUR.format(a.occurredAt()), "事故发生", a.place()));
        for (AccidentView.ReportLine r : a.reports()) {
            steps.add(new Step2(HOUR.format(r.reportedAt()), r.kind(), "死亡" + r.deaths() + "人、重伤" + r.seriousInjuries()
                    + "人、下落不明" + r.missing() + "人，定为" + r.gradeLabel() + (r.late() ? "（超过续报期限）" : "")));
        }
        if (a.investigationStartedOn() != null) {
            steps.add(new Step2(a.investigationStartedOn().toString(), "事故调查", a.investigationBody() + "组织调查组调查"));
        }
        if (a.investigationExtended()) {
            steps.add(new Step2("", "调查期限延长", a.extensionReason()));
        }
        if (a.reportReceivedOn() != null) {
            steps.add(new Step2(a.reportReceivedOn().toString(), "提交事故调查报告", "整改和防范措施 " + a.measures().size() + " 项"));
        }
        if (a.approvedOn() != null) {
            steps.add(new Step2(a.approvedOn().toString(), "批复", a.approvalText()));
            for (AccidentView.CaseLine c : a.cases()) {
                steps.add(new Step2(a.approvedOn().toString(), "提出处罚案件", c.party() + "（" + c.article() + "）"));
            }
        }
        for (AccidentView.MeasureLine m : a.measures()) {
            if (m.doneOn() != null) {
                steps.add(new Step2(m.doneOn().toString(), "整改措施落实", m.responsibleUnit() + "：" + m.content()));
            }
        }
        if (a.evaluatedOn() != null) {
            steps.add(new Step2(a.evaluatedOn().toString(), "评估", a.evaluationResult()));
        }
        steps.sort(Comparator.comparing(s -> s.when().isEmpty() ? "9" : s.when()));
        return steps;
    }

    private void validate(Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        violations.stream().map(ConstraintViolation::getMessage).sorted().findFirst().ifPresent(message -> {
            throw new RuleViolation(message);
        });
    }

    private static List<Member> members(String text, TeamRole role) {
        List<Member> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("[，,、\\s]+", 2);
            out.add(new Member(role, parts[0], parts.length > 1 ? parts[1] : null));
        }
        return out;
    }

    private static List<MeasureInput> measures(String text) {
        List<MeasureInput> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = 0;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            n++;
            String[] parts = line.strip().split("[；;|]");
            if (parts.length != 3) {
                throw new RuleViolation("第" + n + "项整改措施请按“措施内容；责任单位；完成期限（如2026-06-30）”填写。");
            }
            out.add(new MeasureInput(parts[0].strip(), parts[1].strip(), date(parts[2].strip(), "第" + n + "项措施的完成期限")));
        }
        return out;
    }

    private static LocalDateTime time(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new RuleViolation(what + "格式不正确，请按“2026-03-12 10:30”填写。");
        }
    }

    private static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("请填写" + what + "。");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(what + "格式不正确，请按“2026-03-12”填写。");
        }
    }

    private static int count(String text, String what) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(what + "请填写整数。");
        }
    }

    private static BigDecimal money(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RuleViolation("金额请填写数字（元）。");
        }
    }

    private static Long longOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("请选择事故发生单位。");
        }
    }

    private static AccidentKind kind(String text) {
        try {
            return text == null || text.isBlank() ? null : AccidentKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择事故类别。");
        }
    }

    private static String query(AccidentFilter f) {
        StringBuilder q = new StringBuilder();
        if (f.grade() != null) q.append("grade=").append(f.grade().name()).append('&');
        if (f.year() != null) q.append("year=").append(f.year()).append('&');
        if (f.unitId() != null) q.append("unit=").append(f.unitId()).append('&');
        if (f.status() != null) q.append("status=").append(f.status().name()).append('&');
        if (f.keyword() != null && !f.keyword().isBlank()) {
            q.append("keyword=").append(java.net.URLEncoder.encode(f.keyword(), StandardCharsets.UTF_8)).append('&');
        }
        return q.toString();
    }
}
