package cn.zhifa.documents.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.TemplateSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Documents issued per period: by unit (every unit of the caller's scope, zeros included), by kind, and an ECharts bar
 * chart. On a phone the unit table becomes cards.
 */
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

    /** One row of the kinds table: a kind with its count per unit and in total. */
    record Row(String kind, String title, Map<Integer, Long> perUnit, long total) {}

    /** One row of the units table: a unit of the caller's scope, its total and its documents by kind (titles). */
    record UnitRow(String name, long total, Map<String, Long> byKind) {}

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
        // every unit of the caller's scope is listed, a unit without documents too (a zero is a finding)
        List<DocumentsScope.Unit> units = new ArrayList<>(scope.statisticsUnits());
        Map<Long, Integer> unitOf = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            for (long id : units.get(i).organizationIds()) unitOf.putIfAbsent(id, i);
        }
        for (var c : counts) {
            if (!unitOf.containsKey(c.organizationId())) {
                units.add(new DocumentsScope.Unit(scope.organizationName(c.organizationId()), List.of(c.organizationId())));
                unitOf.put(c.organizationId(), units.size() - 1);
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (TemplateSummary t : documents.templates().kinds()) rows.put(t.kind(), new Row(t.kind(), t.title(), new TreeMap<>(), 0));
        for (var c : counts) {
            Row r = rows.get(c.kind());
            if (r == null) r = new Row(c.kind(), c.title(), new TreeMap<>(), 0);
            r.perUnit().merge(unitOf.get(c.organizationId()), c.issued(), Long::sum);
            rows.put(c.kind(), new Row(r.kind(), r.title(), r.perUnit(), r.total() + c.issued()));
        }
        List<Row> nonEmpty = new ArrayList<>(rows.values().stream().filter(r -> r.total() > 0).toList());
        List<UnitRow> unitRows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Map<String, Long> byKind = new LinkedHashMap<>();
            long total = 0;
            for (Row r : nonEmpty) {
                long n = r.perUnit().getOrDefault(i, 0L);
                if (n > 0) byKind.put(r.title(), n);
                total += n;
            }
            unitRows.add(new UnitRow(units.get(i).name(), total, byKind));
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("unitRows", unitRows);
        model.addAttribute("rows", nonEmpty);
        model.addAttribute("grandTotal", nonEmpty.stream().mapToLong(Row::total).sum());
        // chart: one bar series per unit (with documents) over the kinds
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (unitRows.get(i).total() == 0) continue;
            int unit = i;
            series.add(Map.of("name", units.get(i).name(), "type", "bar", "stack", "total",
                    "data", nonEmpty.stream().map(r -> r.perUnit().getOrDefault(unit, 0L)).toList()));
        }
        model.addAttribute("chartKinds", nonEmpty.stream().map(Row::title).toList());
        model.addAttribute("chartSeries", series);
        return "documents/statistics";
    }
}
