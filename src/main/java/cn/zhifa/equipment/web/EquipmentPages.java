package cn.zhifa.equipment.web;

import cn.zhifa.equipment.EquipmentFilter;
import cn.zhifa.equipment.EquipmentForm;
import cn.zhifa.equipment.EquipmentKind;
import cn.zhifa.equipment.EquipmentManagement;
import cn.zhifa.equipment.EquipmentRow;
import cn.zhifa.equipment.EquipmentStatus;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 执法装备 pages: the register (filters, pagination, XLSX) and the form to register or change an item. */
@Controller
@Allowed(Action.READ_BUSINESS)
class EquipmentPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EquipmentManagement equipment;
    private final OrganizationManagement organizations;

    EquipmentPages(EquipmentManagement equipment, OrganizationManagement organizations) {
        this.equipment = equipment;
        this.organizations = organizations;
    }

    @GetMapping("/equipment")
    String list(@RequestParam(required = false) EquipmentKind kind, @RequestParam(required = false) EquipmentStatus status,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) String keyword,
                @RequestParam(required = false) Integer page, Model model) {
        EquipmentFilter filter = new EquipmentFilter(kind, status, unit, keyword);
        model.addAttribute("items", equipment.search(filter, page, 20));
        model.addAttribute("f", filter);
        model.addAttribute("kinds", EquipmentKind.values());
        model.addAttribute("statuses", EquipmentStatus.values());
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("pagerQuery", query(filter));
        return "equipment/list";
    }

    @GetMapping("/equipment.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) EquipmentKind kind,
                                  @RequestParam(required = false) EquipmentStatus status,
                                  @RequestParam(required = false) Long unit, @RequestParam(required = false) String keyword) {
        List<EquipmentRow> rows = equipment.all(new EquipmentFilter(kind, status, unit, keyword));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("执法装备");
            String[] titles = {"所属单位", "装备类别", "编号", "型号", "保管人", "状态", "购置日期"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (EquipmentRow e : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.organizationName());
                row.createCell(1).setCellValue(e.kindLabel());
                row.createCell(2).setCellValue(e.number());
                row.createCell(3).setCellValue(e.model() == null ? "" : e.model());
                row.createCell(4).setCellValue(e.holderName() == null ? "" : e.holderName());
                row.createCell(5).setCellValue(e.statusLabel());
                row.createCell(6).setCellValue(e.purchasedOn() == null ? "" : e.purchasedOn().toString());
            }
            sheet.setColumnWidth(0, 30 * 256);
            sheet.setColumnWidth(3, 24 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("执法装备.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/equipment/new")
    String create(@RequestParam(required = false) Long unit, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organizationId", String.valueOf(unit != null ? unit : Actors.require().organizationId()));
        form.put("status", EquipmentStatus.IN_USE.name());
        return form(null, form, model);
    }

    @GetMapping("/equipment/{id}")
    String edit(@PathVariable long id, Model model) {
        EquipmentRow e = equipment.get(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organizationId", String.valueOf(e.organizationId()));
        form.put("kind", e.kind().name());
        form.put("number", e.number());
        form.put("model", e.model());
        form.put("holderUserId", e.holderUserId() == null ? null : String.valueOf(e.holderUserId()));
        form.put("status", e.status().name());
        form.put("purchasedOn", e.purchasedOn() == null ? null : e.purchasedOn().toString());
        return form(id, form, model);
    }

    @PostMapping("/equipment")
    @Allowed(Action.MANAGE_EQUIPMENT)
    String register(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            equipment.register(command(params));
            redirect.addFlashAttribute("message", "已登记装备" + params.get("number").strip() + "。");
            return "redirect:/equipment";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(null, new LinkedHashMap<>(params), model);
        }
    }

    @PostMapping("/equipment/{id}")
    @Allowed(Action.MANAGE_EQUIPMENT)
    String change(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            equipment.change(id, command(params));
            redirect.addFlashAttribute("message", "已保存装备" + params.get("number").strip() + "。");
            return "redirect:/equipment";
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            model.addAttribute("refusal", refused.getMessage());
            return form(id, new LinkedHashMap<>(params), model);
        }
    }

    private String form(Long id, Map<String, String> form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("kinds", EquipmentKind.values());
        model.addAttribute("statuses", EquipmentStatus.values());
        List<OrganizationView> units = organizations.visibleTree();
        model.addAttribute("units", units);
        // every certified officer in the caller's units; the register checks the holder belongs to the chosen unit
        model.addAttribute("holders", equipment.holders(Actors.require().organizationId()));
        model.addAttribute("today", equipment.today());
        return "equipment/form";
    }

    private static EquipmentForm command(Map<String, String> p) {
        return new EquipmentForm(longOrNull(p.get("organizationId")), kind(p.get("kind")), p.get("number"), p.get("model"),
                longOrNull(p.get("holderUserId")), status(p.get("status")), date(p.get("purchasedOn")));
    }

    private static EquipmentKind kind(String value) {
        try {
            return value == null || value.isBlank() ? null : EquipmentKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择装备类别。");
        }
    }

    private static EquipmentStatus status(String value) {
        try {
            return value == null || value.isBlank() ? null : EquipmentStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择装备状态。");
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("购置日期格式不正确。");
        }
    }

    private static Long longOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("所选内容无效，请重新选择。");
        }
    }

    private static String query(EquipmentFilter f) {
        StringBuilder q = new StringBuilder();
        if (f.kind() != null) {
            q.append("kind=").append(f.kind().name()).append('&');
        }
        if (f.status() != null) {
            q.append("status=").append(f.status().name()).append('&');
        }
        if (f.unitId() != null) {
            q.append("unit=").append(f.unitId()).append('&');
        }
        if (f.keyword() != null && !f.keyword().isBlank()) {
            q.append("keyword=").append(URLEncoder.encode(f.keyword().strip(), StandardCharsets.UTF_8)).append('&');
        }
        return q.toString();
    }
}
