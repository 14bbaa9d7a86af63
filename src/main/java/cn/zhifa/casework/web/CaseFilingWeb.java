package cn.zhifa.casework.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.casework.internal.filing.CaseFiling;
import cn.zhifa.casework.internal.filing.CaseFilings;
import cn.zhifa.casework.internal.filing.FilingStatus;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 备案 of penalty decisions: 当场处罚 reported to the agency (行政处罚法第五十二条第三款) and 重大行政处罚 filed with the
 * configured bodies (local rule) — the list for leaders, legal staff and supervisors, and the recording from the case
 * page and the API.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
@Tag(name = "案件办理")
class CaseFilingWeb {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CaseFilings filings;
    private final OrganizationManagement organizations;

    CaseFilingWeb(CaseFilings filings, OrganizationManagement organizations) {
        this.filings = filings;
        this.organizations = organizations;
    }

    @GetMapping("/cases/filings")
    @Allowed(Action.READ_FILINGS)
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        FilingStatus chosen = FilingStatus.parse(status);
        model.addAttribute("filings", filings.search(unitId, chosen, year, Page.number(page), 20));
        model.addAttribute("count", filings.count(unitId, year));
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("statuses", FilingStatus.values());
        model.addAttribute("unitId", unitId);
        model.addAttribute("status", chosen);
        model.addAttribute("year", year);
        int thisYear = LocalDate.now().getYear();
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(0, 4).mapToObj(i -> thisYear - i).toList());
        model.addAttribute("rules", filings.rules());
        model.addAttribute("pagerQuery", query(unitId, chosen, year));
        return "casework/filings";
    }

    @GetMapping("/cases/filings.xlsx")
    @Allowed(Action.READ_FILINGS)
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Integer year) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("处罚决定备案");
            String[] titles = {"单位", "案号", "决定书文号", "当事人", "案由", "备案类别", "备案机关", "决定日期", "应报送日期", "状态",
                    "报送日期", "备案文号", "登记人"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (CaseFiling f : filings.all(unitId, FilingStatus.parse(status), year)) {
                Row row = sheet.createRow(r++);
                String[] cells = {f.unitName(), f.caseNumber(), f.decisionNumber(), f.partyName(), f.title(), f.kindLabel(), f.body(),
                        String.valueOf(f.decidedOn()), String.valueOf(f.dueOn()), f.statusLabel() + (f.late() ? "（逾期报送）" : ""),
                        f.sentOn() == null ? "" : f.sentOn().toString(), f.referenceNumber(), f.recordedBy()};
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
                }
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("处罚决定备案.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/cases/{id}/filings/{filingId}")
    @Allowed(Action.RECORD_FILING)
    @AuditAction("登记处罚决定备案")
    String record(@PathVariable long id, @PathVariable long filingId, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        Audit.target("案件", id);
        try {
            CaseFiling f = filings.record(id, filingId, day(form.get("sentOn")), form.get("referenceNumber"));
            redirect.addFlashAttribute("message", "已登记向" + f.body() + "的" + f.kindLabel() + "（" + f.referenceNumber() + "）。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            Audit.detail("被拒绝：" + refused.getMessage());
        }
        return "redirect:/cases/" + id + "#filings";
    }

    @Schema(description = "处罚决定备案的报送（当场处罚：行政处罚法第五十二条第三款；重大行政处罚：按本地规定）")
    record RecordFiling(@Schema(description = "报送日期（不早于处罚决定日期，不晚于今天）", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate sentOn,
                        @Schema(description = "备案文号或者报送回执编号", requiredMode = Schema.RequiredMode.REQUIRED) String referenceNumber) {
    }

    @PostMapping("/api/v1/cases/{id}/filings/{filingId}")
    @ResponseBody
    @Allowed(Action.RECORD_FILING)
    @AuditAction("登记处罚决定备案")
    @Operation(summary = "登记一项处罚决定备案的报送日期和备案文号")
    CaseFiling recordApi(@PathVariable long id, @PathVariable long filingId, @RequestBody RecordFiling body) {
        Audit.target("案件", id);
        return filings.record(id, filingId, body.sentOn(), body.referenceNumber());
    }

    @GetMapping("/api/v1/cases/filings")
    @ResponseBody
    @Allowed(Action.READ_FILINGS)
    @Operation(summary = "处罚决定备案台账（当场处罚备案、重大行政处罚备案），按应报送日期排序；status：DUE 待备案、OVERDUE 逾期、RECORDED 已备案")
    Page<CaseFiling> listApi(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String status,
                             @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        FilingStatus chosen = FilingStatus.parse(status);
        if (status != null && !status.isBlank() && chosen == null) {
            throw new RuleViolation("备案状态只能是待备案（DUE）、已备案（RECORDED）或者逾期（OVERDUE）。");
        }
        return filings.search(unitId, chosen, year, Page.number(page), Page.size(size));
    }

    @GetMapping("/api/v1/cases/{id}/filings")
    @ResponseBody
    @Operation(summary = "本案处罚决定应报送的备案及其报送情况")
    Page<CaseFiling> ofCase(@PathVariable long id, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        return Page.of(filings.ofCase(id), page, size);
    }

    private static String query(Long unitId, FilingStatus status, Integer year) {
        StringBuilder q = new StringBuilder();
        if (unitId != null) {
            q.append("unitId=").append(unitId).append('&');
        }
        if (status != null) {
            q.append("status=").append(status.name()).append('&');
        }
        if (year != null) {
            q.append("year=").append(year).append('&');
        }
        return q.toString();
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("请填写报送日期。");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("报送日期格式不正确，请按 年-月-日 填写。");
        }
    }
}
