package cn.zhifa.supervision.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.fault.EnforcementFaults;
import cn.zhifa.supervision.fault.FaultFoundBy;
import cn.zhifa.supervision.fault.FaultView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/** 执法过错 list (filters, pagination, Excel), the supervisor's record form and the responsibility decision. */
@Controller
@Allowed(Action.READ_SUPERVISION)
class FaultPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EnforcementFaults faults;

    FaultPages(EnforcementFaults faults) {
        this.faults = faults;
    }

    @GetMapping("/supervision/faults")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String kind,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean decided,
                @RequestParam(required = false) Integer page, Model model) {
        EnforcementFaults.Filter filter = new EnforcementFaults.Filter(unitId, blankToNull(kind), year, decided);
        Page<FaultView> rows = faults.search(filter, Page.number(page), 20);
        model.addAttribute("faults", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("units", faults.units());
        model.addAttribute("rules", faults.rules());
        model.addAttribute("foundByValues", FaultFoundBy.values());
        model.addAttribute("officers", faults.officersByUnit());
        model.addAttribute("today", faults.today());
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(0, 4)
                .mapToObj(i -> faults.today().getYear() - i).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "supervision/faults";
    }

    @GetMapping("/supervision/faults.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean decided) {
        var rows = faults.all(new EnforcementFaults.Filter(unitId, blankToNull(kind), year, decided));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("执法过错");
            String[] titles = {"单位", "执法人员", "案件", "过错情形", "发现途径", "发现依据", "认定日期", "过错事实", "责任形式", "追究决定日期"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (FaultView f : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(f.unitName());
                row.createCell(1).setCellValue(f.officerName());
                row.createCell(2).setCellValue(f.caseLabel() == null ? "" : f.caseLabel());
                row.createCell(3).setCellValue(f.kind());
                row.createCell(4).setCellValue(f.foundByLabel());
                row.createCell(5).setCellValue(f.foundReference() == null ? "" : f.foundReference());
                row.createCell(6).setCellValue(f.foundOn().toString());
                row.createCell(7).setCellValue(f.facts());
                row.createCell(8).setCellValue(f.decided() ? f.responsibility() : "待决定");
                row.createCell(9).setCellValue(f.decidedOn() == null ? "" : f.decidedOn().toString());
            }
            sheet.setColumnWidth(0, 30 * 256);
            sheet.setColumnWidth(2, 40 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("执法过错记录.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/supervision/faults")
    @Allowed(Action.RECORD_ENFORCEMENT_FAULT)
    String record(@RequestParam(required = false) Long officerId, @RequestParam(required = false) Long caseId,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) FaultFoundBy foundBy,
                  @RequestParam(required = false) String foundReference,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn,
                  @RequestParam(required = false) String facts, Model model, RedirectAttributes redirect) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("officerId", officerId);
        form.put("caseId", caseId);
        form.put("kind", kind);
        form.put("foundBy", foundBy);
        form.put("foundReference", foundReference);
        form.put("foundOn", foundOn);
        form.put("facts", facts);
        String missing = officerId == null ? "请选择过错执法人员。" : kind == null || kind.isBlank() ? "请选择过错情形。"
                : foundBy == null ? "请选择发现途径。" : foundOn == null ? "请填写认定日期。"
                : facts == null || facts.isBlank() ? "请填写过错事实。" : facts.length() > 2000 ? "过错事实不超过2000字。"
                : foundReference != null && foundReference.length() > 200 ? "发现依据不超过200字。" : null;
        try {
            if (missing != null) {
                throw new RuleViolation(missing);
            }
            faults.record(new EnforcementFaults.RecordFault(officerId, caseId, kind, foundBy, foundReference, foundOn, facts));
        } catch (RuleViolation refused) {
            model.addAttribute("form", form);
            model.addAttribute("formError", refused.getMessage());
            return list(null, null, null, null, null, model);
        }
        redirect.addFlashAttribute("message", "已记录执法过错。");
        return "redirect:/supervision/faults";
    }

    @PostMapping("/supervision/faults/{id}/decision")
    @Allowed(Action.RECORD_ENFORCEMENT_FAULT)
    String decide(@PathVariable long id, @RequestParam(required = false) String responsibility,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                  @RequestParam(defaultValue = "0") int version, RedirectAttributes redirect) {
        if (responsibility == null || responsibility.isBlank() || decidedOn == null) {
            redirect.addFlashAttribute("refusal", "请选择责任形式并填写追究决定日期。");
            return "redirect:/supervision/faults#fault-" + id;
        }
        try {
            faults.decide(id, new EnforcementFaults.DecideFault(responsibility, decidedOn, version));
            redirect.addFlashAttribute("message", "已登记责任追究决定。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/faults#fault-" + id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
