package cn.zhifa.emergency.web;

import cn.zhifa.emergency.internal.EmergencyRegisters;
import cn.zhifa.emergency.internal.Entry;
import cn.zhifa.emergency.internal.Field;
import cn.zhifa.emergency.internal.InvalidEntry;
import cn.zhifa.emergency.internal.Register;
import cn.zhifa.evidence.EvidenceSource;
import cn.zhifa.evidence.Upload;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of every emergency register (应急预案, 演练, 救援队伍, 物资, 灾害信息员, 安责险保单): list with search, filters,
 * pagination and Excel; the form (new and edit, errors on the form); the detail; a plan's 应急处置卡 upload.
 */
@Controller
@Allowed(Action.READ_EMERGENCY)
class EmergencyPages {

    private final EmergencyRegisters registers;
    private final EnterpriseManagement enterprises;
    private final DataScope scope;

    EmergencyPages(EmergencyRegisters registers, EnterpriseManagement enterprises, DataScope scope) {
        this.registers = registers;
        this.enterprises = enterprises;
        this.scope = scope;
    }

    @GetMapping("/emergency")
    String index() {
        return "redirect:/emergency/plans";
    }

    @GetMapping("/emergency/{register}")
    String list(@PathVariable String register, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long unitId, @RequestParam(required = false) String choice,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        Register r = register(register);
        EmergencyRegisters.Filter filter = new EmergencyRegisters.Filter(q, unitId, choice, status);
        Page<Entry> rows = registers.search(r, filter, Page.number(page), 20);
        model.addAttribute("register", r);
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("units", registers.units());
        model.addAttribute("listed", r.fields().stream().filter(Field::listed).toList());
        model.addAttribute("filterField", r.filterField().orElse(null));
        return "emergency/list";
    }

    @GetMapping("/emergency/{register}.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String register, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) String choice,
                                  @RequestParam(required = false) String status) {
        Register r = register(register);
        List<Entry> rows = registers.all(r, new EmergencyRegisters.Filter(q, unitId, choice, status));
        List<String> titles = new ArrayList<>(List.of("所属单位"));
        r.fields().forEach(f -> titles.add(f.type() == Field.Type.FIRM ? "投保企业" : f.label()));
        boolean withStatus = !r.statuses().isEmpty();
        if (withStatus) {
            titles.add("状态");
        }
        List<List<String>> cells = rows.stream().map(e -> {
            List<String> row = new ArrayList<>(List.of(e.unitName()));
            r.fields().forEach(f -> row.add(e.list(f.name())));
            if (withStatus) {
                row.add(e.status());
            }
            return row;
        }).toList();
        return Sheets.xlsx(r.title(), titles, cells);
    }

    @GetMapping("/emergency/{register}/new")
    @Allowed(Action.EDIT_EMERGENCY)
    String create(@PathVariable String register, @RequestParam(required = false) Long enterpriseId, Model model) {
        Register r = register(register);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("unit_id", String.valueOf(Actors.require().organizationId()));
        if (r == Register.INSURANCE && enterpriseId != null) {
            enterprises.find(enterpriseId).filter(f -> scope.canSee(f.organizationId()))
                    .ifPresent(f -> form.put("enterprise_id", f.uscc()));
        }
        return form(r, null, 0, form, Map.of(), model);
    }

    @GetMapping("/emergency/{register}/{id}")
    String detail(@PathVariable String register, @PathVariable long id, Model model) {
        Register r = register(register);
        model.addAttribute("register", r);
        model.addAttribute("entry", registers.get(r, id));
        return "emergency/detail";
    }

    /** The full phone of a row, shown on the detail page only when asked for (个人信息查阅, audited as a read). */
    @GetMapping(value = "/emergency/{register}/{id}/phone", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String phone(@PathVariable String register, @PathVariable long id) {
        Register r = register(register);
        return "<span class=\"text-break\" id=\"phone-full\">"
                + HtmlUtils.htmlEscape(registers.get(r, id).show(phoneField(r).name())) + "</span>";
    }

    static Field phoneField(Register r) {
        return r.fields().stream().filter(f -> f.type() == Field.Type.PHONE).findFirst()
                .orElseThrow(() -> RuleViolation.notFound(r.title() + "没有联系电话。"));
    }

    @GetMapping("/emergency/{register}/{id}/edit")
    @Allowed(Action.EDIT_EMERGENCY)
    String edit(@PathVariable String register, @PathVariable long id, Model model) {
        Register r = register(register);
        Entry entry = registers.get(r, id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("unit_id", String.valueOf(entry.organizationId()));
        for (Field f : r.fields()) {
            Object value = entry.values().get(f.name());
            form.put(f.name(), value == null ? "" : switch (f.type()) {
                case FIRM -> enterprises.find((Long) value).map(e -> e.uscc()).orElse("");
                case PHONE -> "";
                case AMOUNT -> entry.show(f.name());
                default -> value.toString();
            });
        }
        return form(r, id, entry.version(), form, Map.of(), model);
    }

    @PostMapping("/emergency/{register}")
    @Allowed(Action.EDIT_EMERGENCY)
    String save(@PathVariable String register, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        return save(register(register), null, 0, form, form, model, redirect);
    }

    @PostMapping("/emergency/{register}/{id}")
    @Allowed(Action.EDIT_EMERGENCY)
    String update(@PathVariable String register, @PathVariable long id, @RequestParam(defaultValue = "0") int version,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Register r = register(register);
        return save(r, id, version, keepingStoredPhones(r, id, form), form, model, redirect);
    }

    /**
     * The edit form shows a phone masked and leaves its input empty (showing it in full is an audited reveal on the
     * detail page): an empty phone on save keeps the stored one, a typed one replaces it.
     */
    private Map<String, String> keepingStoredPhones(Register r, long id, Map<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>(form);
        Entry stored = null;
        for (Field f : r.fields()) {
            if (f.type() == Field.Type.PHONE && (form.get(f.name()) == null || form.get(f.name()).isBlank())) {
                stored = stored == null ? registers.get(r, id) : stored;
                if (!stored.show(f.name()).isEmpty()) {
                    kept.put(f.name(), stored.show(f.name()));
                }
            }
        }
        return kept;
    }

    @PostMapping("/emergency/plans/{id}/card")
    @Allowed(Action.EDIT_EMERGENCY)
    String card(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation("请选择应急处置卡的照片或扫描件。");
            }
            try (InputStream in = file.getInputStream()) {
                registers.attachCard(id, Upload.of(in, file.getOriginalFilename(), EvidenceSource.UPLOAD));
            } catch (IOException e) {
                throw new RuleViolation("无法读取上传的文件。");
            }
            redirect.addFlashAttribute("message", "已上传应急处置卡。");
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/emergency/plans/" + id;
    }

    /** Saves {@code form}; on refusal shows the form again with what the user submitted ({@code submitted}). */
    private String save(Register r, Long id, int version, Map<String, String> form, Map<String, String> submitted, Model model,
                        RedirectAttributes redirect) {
        try {
            long saved = registers.save(r, id, form, version);
            redirect.addFlashAttribute("message", "已保存" + r.noun() + "。");
            return "redirect:/emergency/" + r.path() + "/" + saved;
        } catch (InvalidEntry invalid) {
            return form(r, id, version, submitted, invalid.errors(), model);
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            return form(r, id, version, submitted, Map.of("", refused.getMessage()), model);
        }
    }

    private String form(Register r, Long id, int version, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("register", r);
        model.addAttribute("id", id);
        model.addAttribute("version", version);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", registers.units());
        model.addAttribute("plans", r == Register.DRILLS ? registers.planChoices() : Map.of());
        model.addAttribute("today", registers.today());
        model.addAttribute("storedPhones", storedPhones(r, id));
        return "emergency/form";
    }

    /** The masked phones already stored on the row being edited, by field: the form shows them instead of the number. */
    private Map<String, String> storedPhones(Register r, Long id) {
        Map<String, String> masked = new LinkedHashMap<>();
        if (id == null || r.fields().stream().noneMatch(f -> f.type() == Field.Type.PHONE)) {
            return masked;
        }
        Entry entry = registers.get(r, id);
        r.fields().stream().filter(f -> f.type() == Field.Type.PHONE && !entry.list(f.name()).isEmpty())
                .forEach(f -> masked.put(f.name(), entry.list(f.name())));
        return masked;
    }

    private static Register register(String path) {
        return Register.byPath(path).orElseThrow(() -> RuleViolation.notFound("没有这个应急管理台账。"));
    }
}
