package cn.zhifa.reporting.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.AnnualReport;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.internal.AnnualReportDocx;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The annual figures of a scope, the annual report as DOCX, and the rebuild of the read models. */
@RestController
@Allowed(Action.READ_BUSINESS)
class ReportingApi {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReportingManagement reporting;

    ReportingApi(ReportingManagement reporting) {
        this.reporting = reporting;
    }

    /** Every figure of the annual reports for {@code year} over a unit's subtree (default: the caller's unit). */
    @GetMapping("/api/v1/statistics/annual")
    AnnualFigures annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long organizationId) {
        return reporting.annual(reporting.checkedYear(year), organizationId);
    }

    /**
     * The draft 行政执法工作报告 ({@code variant=WORK}, default) or 法治政府建设年度报告 ({@code variant=RULE_OF_LAW}) as DOCX.
     */
    @GetMapping("/api/v1/reports/annual")
    ResponseEntity<byte[]> report(@RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Long organizationId,
                                  @RequestParam(defaultValue = "docx") String format,
                                  @RequestParam(defaultValue = "WORK") String variant) {
        if (!"docx".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("年度报告只提供 docx 格式。");
        }
        AnnualReport.Variant chosen = variant(variant);
        AnnualReport report = AnnualReport.of(reporting.annual(reporting.checkedYear(year), organizationId), chosen);
        return docx(report);
    }

    static ResponseEntity<byte[]> docx(AnnualReport report) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.title() + ".docx", StandardCharsets.UTF_8).build().toString())
                .contentType(DOCX)
                .body(AnnualReportDocx.write(report));
    }

    static AnnualReport.Variant variant(String variant) {
        try {
            return AnnualReport.Variant.valueOf(variant.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("报告类型应为行政执法工作报告（WORK）或法治政府建设年度报告（RULE_OF_LAW）。");
        }
    }

    /** Recomputes reporting's read models of a year from the facts the owning modules replay. */
    @Allowed(Action.REBUILD_STATISTICS)
    @PostMapping("/api/v1/statistics/rebuild")
    Map<String, Object> rebuild(@RequestParam int year) {
        int checked = reporting.checkedYear(year);
        Audit.target("统计数据", checked);
        reporting.rebuild(checked);
        return Map.of("year", checked, "rebuilt", true);
    }
}
