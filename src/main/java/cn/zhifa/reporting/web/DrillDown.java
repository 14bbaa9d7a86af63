package cn.zhifa.reporting.web;

import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.ReportingManagement;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each figure of the dashboard's 年度指标 table drills down to: the module list that shows exactly the rows the
 * figure counts (same year, same unit and its subtree, same kind), keyed by the table's line names
 * ({@link cn.zhifa.reporting.internal.FigureWorkbook#lines}). A count's list total equals the figure; a sum or a rate
 * links to the rows it is computed from.
 */
final class DrillDown {

    private DrillDown() {
    }

    /** The lines that count rows (their list's total is the figure), as opposed to sums, rates and 家 of several visits. */
    static boolean counts(String line) {
        return !line.contains("罚款") && !line.contains("率") && !line.equals("检查企业（家）")
                && !line.equals("持证执法人员（人）");
    }

    static Map<String, String> links(AnnualFigures f) {
        int year = f.year();
        long unit = f.organizationId();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("持证执法人员（人）", url("/registry/statistics").queryParam("year", year).toUriString());
        String records = records(year, unit);
        links.put("检查企业（家）", records);
        links.put("检查（家次）", records);
        links.put("发现隐患（项）", hazards("all", year, unit));
        links.put("重大事故隐患（项）", hazards("major", year, unit));
        links.put("重大事故隐患已整改（项）", hazards("major-closed", year, unit));
        links.put("隐患整改率（%）", hazards("closed", year, unit));
        links.put("挂牌督办（项）", hazards("supervised", year, unit));
        links.put("立案（件）", cases("filed", null, year, unit));
        links.put("作出处罚决定（件）", cases("decided", null, year, unit));
        links.put("罚款（万元）", cases("decided", null, year, unit));
        for (String kind : f.casesFiledByKind().keySet()) {
            String label = ReportingManagement.label(kind);
            links.put("　" + label + "立案（件）", cases("filed", kind, year, unit));
            links.put("　" + label + "决定（件）", cases("decided", kind, year, unit));
            links.put("　" + label + "罚款（万元）", cases("decided", kind, year, unit));
        }
        links.put("制作执法文书（份）", documents(null, year, unit));
        links.put("应公示处罚决定（条）", publicity("due", year, unit));
        links.put("已公示（条）", publicity("published", year, unit));
        links.put("按时公示率（%）", publicity("on-time", year, unit));
        return links;
    }

    static String records(int year, long unit) {
        return url("/inspection/records").queryParam("year", year).queryParam("unit", unit).toUriString();
    }

    /** The hazard register's rows found in the year (registered, not a mere report) under a filter of the register. */
    static String hazards(String filter, int year, long unit) {
        return url("/hazards").queryParam("filter", filter).queryParam("year", year).queryParam("unit", unit).toUriString();
    }

    /** Cases filed ({@code filed}) or decided with a penalty ({@code decided}) in the year, of one kind or all. */
    static String cases(String yearOf, String kind, int year, long unit) {
        UriComponentsBuilder b = url("/cases").queryParam("year", year).queryParam("yearOf", yearOf).queryParam("unit", unit);
        if (kind != null) {
            b.queryParam("kind", kind);
        }
        return b.toUriString();
    }

    /** Documents first issued in the year and not voided, of one kind or all. */
    static String documents(String kind, int year, long unit) {
        UriComponentsBuilder b = url("/documents").queryParam("from", year + "-01-01").queryParam("to", year + "-12-31")
                .queryParam("unit", unit).queryParam("counted", true);
        if (kind != null) {
            b.queryParam("kind", kind);
        }
        return b.toUriString();
    }

    /** Penalty decisions due for publication in the year: {@code due}, {@code published} or {@code on-time}. */
    static String publicity(String counted, int year, long unit) {
        return url("/publicity").queryParam("year", year).queryParam("unit", unit).queryParam("counted", counted).toUriString();
    }

    private static UriComponentsBuilder url(String path) {
        return UriComponentsBuilder.fromPath(path);
    }
}
