package cn.zhifa.documents.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.TemplateSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Documents issued by kind and unit per period: a table and an ECharts bar chart. */
@Controller
@Allowed(Action.READ_BUSINESS)
class DocumentStatisticsController {

    private final DocumentManagement documents;
    private final DocumentsScope scope;
    private final Clock clock;

    DocumentStatisticsController(DocumentManagement documents, DocumentsScope scope, Clock clock) {
        this.documents = documents;
        this.scope = scope;
        this.clock = clock;
    }

    /** One table row: a kind with its count per unit and in total. */
    record Row(String kind, String title, Map<Long, Long> perUnit, long total) {}

    @GetMapping("/documents/statistics")
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            model.addAttribute("refusal", "结束日期不能早于开始日期");
            end = start;
        }
        var counts = documents.statistics(scope.visibleOrganizationIds(), start, end);
        Map<Long, String> units = new TreeMap<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (TemplateSummary t : documents.templates().kinds()) rows.put(t.kind(), new Row(t.kind(), t.title(), new TreeMap<>(), 0));
        for (var c : counts) {
            units.computeIfAbsent(c.organizationId(), scope::organizationName);
            Row r = rows.get(c.kind());
            if (r == null) r = new Row(c.kind(), c.title(), new TreeMap<>(), 0);
            r.perUnit().merge(c.organizationId(), c.issued(), Long::sum);
            rows.put(c.kind(), new Row(r.kind(), r.title(), r.perUnit(), r.total() + c.issued()));
        }
        List<Row> nonEmpty = new ArrayList<>(rows.values().stream().filter(r -> r.total() > 0).toList());
        Map<Long, Long> unitTotals = new TreeMap<>();
        nonEmpty.forEach(r -> r.perUnit().forEach((u, n) -> unitTotals.merge(u, n, Long::sum)));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("units", units);
        model.addAttribute("rows", nonEmpty);
        model.addAttribute("unitTotals", unitTotals);
        model.addAttribute("grandTotal", nonEmpty.stream().mapToLong(Row::total).sum());
        // chart: one bar series per unit over the kinds
        List<Map<String, Object>> series = new ArrayList<>();
        units.forEach((id, name) -> series.add(Map.of("name", name, "type", "bar", "stack", "total",
                "data", nonEmpty.stream().map(r -> r.perUnit().getOrDefault(id, 0L)).toList())));
        model.addAttribute("chartKinds", nonEmpty.stream().map(Row::title).toList());
        model.addAttribute("chartSeries", series);
        return "documents/statistics";
    }
}
