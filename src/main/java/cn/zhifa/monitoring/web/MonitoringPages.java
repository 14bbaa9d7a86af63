package cn.zhifa.monitoring.web;

import cn.zhifa.monitoring.internal.Alarms;
import cn.zhifa.monitoring.internal.MonitoringPoint;
import cn.zhifa.monitoring.internal.MonitoringPoints;
import cn.zhifa.monitoring.internal.PatrolLists;
import cn.zhifa.monitoring.internal.PointForm;
import cn.zhifa.monitoring.internal.PointKind;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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

/** 监测点 per firm (edited by OFFICER/LEADER), the 监测报警 list with its workbook, and 今日在线巡查. */
@Controller
@Allowed(Action.READ_MONITORING)
class MonitoringPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final MonitoringPoints points;
    private final Alarms alarms;
    private final PatrolLists patrols;

    MonitoringPages(MonitoringPoints points, Alarms alarms, PatrolLists patrols) {
        this.points = points;
        this.alarms = alarms;
        this.patrols = patrols;
    }

    // ---- points

    @GetMapping("/monitoring/firms/{id}/points")
    String points(@PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
        if (edit != null) {
            MonitoringPoint point = points.load(edit);
            if (point.enterpriseId() == id) {
                return pointsPage(id, model, PointForm.of(point), Map.of(), edit);
            }
        }
        return pointsPage(id, model, PointForm.empty(), Map.of(), null);
    }

    @PostMapping("/monitoring/firms/{id}/points")
    @Allowed(Action.EDIT_MONITORING_POINTS)
    String addPoint(@PathVariable long id, @RequestParam(required = false) PointKind kind, @RequestParam(required = false) String tag,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String location,
                    @RequestParam(required = false) String quantity, @RequestParam(required = false) String unitOfMeasure,
                    @RequestParam(required = false) BigDecimal level1, @RequestParam(required = false) BigDecimal level2,
                    Model model, RedirectAttributes redirect) {
        PointForm form = new PointForm(kind, tag, name, location, quantity, unitOfMeasure, level1, level2, null);
        Map<String, String> errors = points.add(id, form);
        if (!errors.isEmpty()) {
            return pointsPage(id, model, form, errors, null);
        }
        redirect.addFlashAttribute("message", "已登记监测点“" + name.strip() + "”。");
        return "redirect:/monitoring/firms/" + id + "/points";
    }

    @PostMapping("/monitoring/points/{pointId}")
    @Allowed(Action.EDIT_MONITORING_POINTS)
    String changePoint(@PathVariable long pointId, @RequestParam(required = false) PointKind kind,
                       @RequestParam(required = false) String tag, @RequestParam(required = false) String name,
                       @RequestParam(required = false) String location, @RequestParam(required = false) String quantity,
                       @RequestParam(required = false) String unitOfMeasure, @RequestParam(required = false) BigDecimal level1,
                       @RequestParam(required = false) BigDecimal level2, @RequestParam(required = false) Integer version,
                       Model model, RedirectAttributes redirect) {
        MonitoringPoint point = points.load(pointId);
        PointForm form = new PointForm(kind, tag, name, location, quantity, unitOfMeasure, level1, level2, version);
        try {
            Map<String, String> errors = points.change(pointId, form);
            if (!errors.isEmpty()) {
                return pointsPage(point.enterpriseId(), model, form, errors, pointId);
            }
        } catch (RuleViolation conflict) {
            return pointsPage(point.enterpriseId(), model, form, Map.of("form", conflict.getMessage()), pointId);
        }
        redirect.addFlashAttribute("message", "已保存监测点“" + name.strip() + "”。");
        return "redirect:/monitoring/firms/" + point.enterpriseId() + "/points";
    }

    @PostMapping("/monitoring/points/{pointId}/active")
    @Allowed(Action.EDIT_MONITORING_POINTS)
    String setActive(@PathVariable long pointId, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        long firm = points.setActive(pointId, active);
        redirect.addFlashAttribute("message", active ? "监测点已启用。" : "监测点已停用，不再接收其报警。");
        return "redirect:/monitoring/firms/" + firm + "/points";
    }

    private String pointsPage(long enterpriseId, Model model, PointForm form, Map<String, String> errors, Long editing) {
        EnterpriseSummary firm = points.firm(enterpriseId);
        model.addAttribute("firm", firm);
        model.addAttribute("points", points.of(enterpriseId));
        model.addAttribute("kinds", PointKind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        return "monitoring/points";
    }

    // ---- alarms

    @GetMapping("/monitoring/alarms")
    String alarms(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) Integer level, @RequestParam(required = false) Boolean tasked,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Alarms.Filter filter = new Alarms.Filter(blankToNull(q), blankToNull(kind), level, tasked, from, to);
        model.addAttribute("alarms", alarms.search(filter, Page.number(page), Page.size(size)));
        model.addAttribute("filter", filter);
        model.addAttribute("pagerQuery", query(filter));
        model.addAttribute("time", TIME);
        return "monitoring/alarms";
    }

    @GetMapping("/monitoring/alarms.xlsx")
    ResponseEntity<byte[]> alarmsWorkbook(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                                          @RequestParam(required = false) Integer level, @RequestParam(required = false) Boolean tasked,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Alarms.Filter filter = new Alarms.Filter(blankToNull(q), blankToNull(kind), level, tasked, from, to);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("监测报警");
            String[] titles = {"发生时间", "类别", "企业", "责任单位", "位号", "监测点", "监测值", "级别/结论", "处置", "在线检查任务编号", "说明"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (int p = 0; ; p++) {
                Page<Alarms.Row> chunk = alarms.search(filter, p, 200);
                for (Alarms.Row a : chunk.items()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(TIME.format(a.occurredAt()));
                    row.createCell(1).setCellValue(a.kindLabel());
                    row.createCell(2).setCellValue(a.firmName());
                    row.createCell(3).setCellValue(a.unitName());
                    row.createCell(4).setCellValue(a.pointTag());
                    row.createCell(5).setCellValue(a.pointName());
                    row.createCell(6).setCellValue(a.valueText());
                    row.createCell(7).setCellValue(a.levelLabel());
                    row.createCell(8).setCellValue(a.handling());
                    row.createCell(9).setCellValue(a.taskId() == null ? "" : String.valueOf(a.taskId()));
                    row.createCell(10).setCellValue(a.note() == null ? "" : a.note());
                }
                if (!chunk.hasNext() || r > 100_000) {
                    break;
                }
            }
            sheet.setColumnWidth(2, 30 * 256);
            sheet.setColumnWidth(8, 30 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("监测报警.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- daily online patrol

    @GetMapping("/monitoring/patrol")
    String patrol(Model model) {
        var actor = Actors.require();
        LocalDate today = patrols.today();
        // the units that patrol get their list of the day; a supervisor reads the completion figures only
        model.addAttribute("list", Action.WORK_ONLINE_PATROL.allows(actor) ? patrols.listOf(actor.organizationId(), today) : null);
        model.addAttribute("figures", patrols.figures(today.minusDays(13), today));
        return "monitoring/patrol";
    }

    @PostMapping("/monitoring/patrol/items/{itemId}/start")
    @Allowed(Action.WORK_ONLINE_PATROL)
    String startPatrol(@PathVariable long itemId, RedirectAttributes redirect) {
        try {
            return "redirect:/inspection/records/" + patrols.start(itemId);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/monitoring/patrol";
        }
    }

    private static String query(Alarms.Filter f) {
        StringBuilder s = new StringBuilder();
        append(s, "q", f.q());
        append(s, "kind", f.kind());
        append(s, "level", f.level());
        append(s, "tasked", f.tasked());
        append(s, "from", f.from());
        append(s, "to", f.to());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(name).append('=').append(java.net.URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)).append('&');
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
