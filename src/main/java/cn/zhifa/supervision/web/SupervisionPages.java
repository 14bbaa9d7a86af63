package cn.zhifa.supervision.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.supervision.Overview;
import cn.zhifa.supervision.SupervisionManagement;
import cn.zhifa.supervision.SupervisionOrderView;
import cn.zhifa.supervision.UnitFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 执法监督驾驶舱 (per unit, month trend, drill-down, Excel) and the 督办/约谈 page. */
@Controller
@Allowed(Action.READ_SUPERVISION)
class SupervisionPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SupervisionManagement supervision;

    SupervisionPages(SupervisionManagement supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/supervision")
    String dashboard(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        Overview overview = supervision.overview(y);
        model.addAttribute("overview", overview);
        model.addAttribute("year", y);
        model.addAttribute("years", years());
        model.addAttribute("total", overview.units().isEmpty() ? null : overview.units().get(0));
        model.addAttribute("trendInspections", join(overview.trend().inspections()));
        model.addAttribute("trendHazards", join(overview.trend().hazardsFound()));
        model.addAttribute("trendCases", join(overview.trend().casesFiled()));
        model.addAttribute("performance", supervision.performance(y));
        java.util.List<cn.zhifa.supervision.InspectionPoint> points = supervision.inspectionPoints(y);
        model.addAttribute("pointCount", points.size());
        model.addAttribute("points", points.stream().map(p -> "[" + p.longitude().toPlainString() + "," + p.latitude().toPlainString()
                + "," + json(p.enterpriseName()) + "," + json(p.unitName()) + "," + json(p.on().toString()) + "," + p.recordId() + "]")
                .collect(Collectors.joining(",", "[", "]")));
        return "supervision/dashboard";
    }

    /** A JSON string literal (the map's labels are firm and unit names). */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : (text == null ? "" : text).toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @GetMapping("/supervision/overview.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
        int y = year(year);
        Overview overview = supervision.overview(y);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(y + "年各单位执法情况");
            Row head = sheet.createRow(0);
            String[] titles = {"单位", "检查（家次）", "发现隐患（项）", "逾期未整改隐患（项）", "立案（件）", "期限逾期案件（件）", "罚款（元）"};
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (UnitFigures u : overview.units()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue("　".repeat(u.depth()) + u.name());
                row.createCell(1).setCellValue(u.inspections());
                row.createCell(2).setCellValue(u.hazardsFound());
                row.createCell(3).setCellValue(u.hazardsOverdue());
                row.createCell(4).setCellValue(u.casesFiled());
                row.createCell(5).setCellValue(u.casesOverdue());
                row.createCell(6).setCellValue(u.finesYuan().doubleValue());
            }
            Sheet months = book.createSheet("月度趋势");
            Row mh = months.createRow(0);
            String[] mt = {"月份", "检查（家次）", "发现隐患（项）", "立案（件）"};
            for (int i = 0; i < mt.length; i++) {
                mh.createCell(i).setCellValue(mt[i]);
            }
            for (int m = 0; m < 12; m++) {
                Row row = months.createRow(m + 1);
                row.createCell(0).setCellValue((m + 1) + "月");
                row.createCell(1).setCellValue(overview.trend().inspections().get(m));
                row.createCell(2).setCellValue(overview.trend().hazardsFound().get(m));
                row.createCell(3).setCellValue(overview.trend().casesFiled().get(m));
            }
            sheet.setColumnWidth(0, 40 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(y + "年执法监督统计.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/supervision/orders")
    String orders(Model model) {
        List<SupervisionOrderView> orders = supervision.orders();
        model.addAttribute("orders", orders);
        model.addAttribute("overdueOrders", orders.stream().filter(SupervisionOrderView::overdue).count());
        model.addAttribute("interviews", supervision.interviews());
        model.addAttribute("units", supervision.units());
        model.addAttribute("today", supervision.today());
        return "supervision/orders";
    }

    @PostMapping("/supervision/orders")
    @Allowed(Action.ISSUE_SUPERVISION)
    String issue(@RequestParam(required = false) SupervisionOrderView.SubjectKind subjectKind,
                 @RequestParam(required = false) Long subjectId, @RequestParam(required = false) Long unitId,
                 @RequestParam(required = false) String demand,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate replyDue,
                 RedirectAttributes redirect) {
        Long subject = subjectKind == SupervisionOrderView.SubjectKind.UNIT ? unitId : subjectId;
        String missing = subjectKind == null ? "请选择督办事项类别。" : subject == null ? "请填写督办的案件、隐患编号或选择单位。"
                : blank(demand) ? "请填写督办要求。" : replyDue == null ? "请填写回复期限。" : null;
        if (missing != null) {
            redirect.addFlashAttribute("refusal", missing);
            return "redirect:/supervision/orders";
        }
        try {
            supervision.issueOrder(new SupervisionManagement.IssueOrder(subjectKind, subject, demand, replyDue));
            redirect.addFlashAttribute("message", "督办单已下达。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/orders";
    }

    @PostMapping("/supervision/orders/{id}/reply")
    @Allowed(Action.REPLY_SUPERVISION)
    String reply(@PathVariable long id, @RequestParam(required = false) String reply, @RequestParam int version,
                 RedirectAttributes redirect) {
        if (blank(reply)) {
            redirect.addFlashAttribute("refusal", "请填写回复内容。");
            return "redirect:/supervision/orders";
        }
        try {
            supervision.replyOrder(id, new SupervisionManagement.ReplyOrder(reply, version));
            redirect.addFlashAttribute("message", "已回复督办单。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/orders";
    }

    @PostMapping("/supervision/interviews")
    @Allowed(Action.ISSUE_SUPERVISION)
    String interview(@RequestParam(required = false) Long unitId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                     @RequestParam(required = false) String interviewees, @RequestParam(required = false) String reason,
                     @RequestParam(required = false) String commitments, RedirectAttributes redirect) {
        if (unitId == null || heldOn == null || blank(interviewees) || blank(reason) || blank(commitments)) {
            redirect.addFlashAttribute("refusal", "请完整填写约谈单位、日期、被约谈人、事由和整改承诺。");
            return "redirect:/supervision/orders";
        }
        try {
            supervision.recordInterview(new SupervisionManagement.RecordInterview(unitId, heldOn, interviewees, reason, commitments));
            redirect.addFlashAttribute("message", "约谈记录已保存。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/orders";
    }

    private int year(Integer year) {
        int now = supervision.today().getYear();
        return year == null || year < 2000 || year > now + 1 ? now : year;
    }

    private List<Integer> years() {
        int now = supervision.today().getYear();
        return List.of(now, now - 1, now - 2);
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String yuan(BigDecimal v) {
        return v.toPlainString();
    }
}
