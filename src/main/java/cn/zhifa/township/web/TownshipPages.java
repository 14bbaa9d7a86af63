package cn.zhifa.township.web;

import cn.zhifa.audit.AuditAction;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.township.GrantPower;
import cn.zhifa.township.PowerMode;
import cn.zhifa.township.TownshipManagement;
import cn.zhifa.township.TownshipPowerView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 乡镇赋权委托: the powers of the townships in scope, their figures of the year; a district LEADER records them. */
@Controller
@Allowed(Action.READ_BUSINESS)
class TownshipPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int PAGE_SIZE = 20;

    private final TownshipManagement townships;
    private final Clock clock;

    TownshipPages(TownshipManagement townships, Clock clock) {
        this.townships = townships;
        this.clock = clock;
    }

    @GetMapping("/township/powers")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) PowerMode mode,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Page<TownshipPowerView> result = townships.page(unitId, mode, q, Page.number(page), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("unitId", unitId);
        model.addAttribute("mode", mode);
        model.addAttribute("q", q);
        model.addAttribute("modes", PowerMode.values());
        model.addAttribute("townships", townships.townships());
        model.addAttribute("catalog", townships.catalog());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", GrantPower.empty());
        }
        return "township/powers";
    }

    @GetMapping("/township/powers.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) PowerMode mode,
                                  @RequestParam(required = false) String q) {
        var rows = townships.page(unitId, mode, q, 0, 10_000).items();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("乡镇赋权委托事项");
            String[] titles = {"街道（乡镇）", "方式", "权力类别", "事项", "文书代字", "文件名称", "文号", "期限"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (TownshipPowerView p : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.townshipName());
                row.createCell(1).setCellValue(p.modeLabel());
                row.createCell(2).setCellValue(p.powerKindLabel());
                row.createCell(3).setCellValue(p.powerName());
                row.createCell(4).setCellValue(p.ownShortName() == null ? "" : p.ownShortName());
                row.createCell(5).setCellValue(p.instrumentTitle());
                row.createCell(6).setCellValue(p.instrumentNumber());
                row.createCell(7).setCellValue(p.period());
            }
            sheet.setColumnWidth(0, 20 * 256);
            sheet.setColumnWidth(3, 50 * 256);
            sheet.setColumnWidth(5, 30 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("乡镇赋权委托事项.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/township/powers")
    @Allowed(Action.MANAGE_TOWNSHIP_POWERS)
    @AuditAction("设置乡镇赋权委托事项")
    String grant(@Valid @ModelAttribute("form") GrantPower form, BindingResult binding, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (binding.hasErrors()) {
                throw new RuleViolation(binding.getFieldErrors().stream().map(e -> e.getDefaultMessage())
                        .distinct().collect(Collectors.joining("；")));
            }
            townships.grant(form);
            redirect.addFlashAttribute("message", "已记录该街道（乡镇）的" + form.mode().label() + "事项。");
            return "redirect:/township/powers?unitId=" + form.organizationId();
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("form", form);
            return list(null, null, null, null, model);
        }
    }

    @PostMapping("/township/powers/{id}/delete")
    @Allowed(Action.MANAGE_TOWNSHIP_POWERS)
    @AuditAction("删除乡镇赋权委托事项")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        townships.remove(id);
        redirect.addFlashAttribute("message", "已删除该事项。");
        return "redirect:/township/powers";
    }

    @GetMapping("/township/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int y = year == null || year < 2000 || year > thisYear ? thisYear : year;
        model.addAttribute("year", y);
        model.addAttribute("rows", townships.statistics(y));
        return "township/statistics";
    }
}
