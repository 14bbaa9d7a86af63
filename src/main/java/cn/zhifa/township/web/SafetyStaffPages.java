package cn.zhifa.township.web;

import cn.zhifa.shared.web.Spreadsheets;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.security.Permissions;
import cn.zhifa.shared.web.Page;
import cn.zhifa.township.internal.AreaKind;
import cn.zhifa.township.internal.AssistingVisits;
import cn.zhifa.township.internal.SafetyStaffRegister;
import cn.zhifa.township.internal.SafetyStaffRegister.EndTerm;
import cn.zhifa.township.internal.SafetyStaffRegister.Filter;
import cn.zhifa.township.internal.SafetyStaffRegister.StaffForm;
import cn.zhifa.township.internal.SafetyStaffRegister.StaffView;
import cn.zhifa.township.internal.SafetyStaffRegister.TrainingForm;
import cn.zhifa.township.internal.StaffStatus;
import cn.zhifa.evidence.EvidenceSource;
import cn.zhifa.evidence.Upload;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 专职安全员名册: list (township, status, name or area; paged; XLSX with phones masked), a person's page (trainings,
 * assisting visits), register and edit, add a training, end the term; and the visit a township user records on the
 * person's behalf, whose findings become leads for a district officer.
 */
@Controller
@Allowed(Action.READ_SAFETY_STAFF)
class SafetyStaffPages {

    private static final int PAGE_SIZE = 20;

    private final SafetyStaffRegister register;
    private final AssistingVisits visits;
    private final Permissions permissions;

    SafetyStaffPages(SafetyStaffRegister register, AssistingVisits visits, Permissions permissions) {
        this.register = register;
        this.visits = visits;
        this.permissions = permissions;
    }

    @GetMapping("/township/safety-staff")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) StaffStatus status,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Page<StaffView> result = register.page(new Filter(unitId, status, q), Page.number(page), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("unitId", unitId);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", StaffStatus.values());
        model.addAttribute("townships", register.townships());
        return "township/safety-staff";
    }

    @GetMapping("/township/safety-staff.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) StaffStatus status,
                                  @RequestParam(required = false) String q) {
        List<StaffView> rows = register.all(new Filter(unitId, status, q));
        return Spreadsheets.download("专职安全员名册", "专职安全员名册.xlsx",
                List.of("街道（乡镇）", "姓名", "联系电话", "区域类别", "负责区域", "任期", "状态", "离任日期", "培训次数", "培训学时"),
                rows.stream().map(s -> List.<Object>of(s.townshipName(), s.name(), s.maskedPhone(), s.areaKind().label(),
                        s.areaName(), s.term(), s.statusLabel(), s.endedOn() == null ? "" : s.endedOn().toString(),
                        s.trainings(), s.trainingHours())).toList());
    }

    @GetMapping("/township/safety-staff/new")
    @Allowed(Action.MANAGE_SAFETY_STAFF)
    String newForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", StaffForm.empty());
        }
        model.addAttribute("townships", register.townships());
        model.addAttribute("areaKinds", AreaKind.values());
        model.addAttribute("staff", null);
        return "township/safety-staff-form";
    }

    @PostMapping("/township/safety-staff")
    @Allowed(Action.MANAGE_SAFETY_STAFF)
    @AuditAction("登记专职安全员")
    String create(@ModelAttribute("form") StaffForm form, BindingResult binding, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            requireBound(binding);
            long id = register.register(form);
            redirect.addFlashAttribute("message", "已登记专职安全员。");
            return "redirect:/township/safety-staff/" + id;
        } catch (RuleViolation refused) {
            refuse(refused, model, response);
            model.addAttribute("form", binding.hasErrors() || form == null ? StaffForm.empty() : form);
            return newForm(model);
        }
    }

    @GetMapping("/township/safety-staff/{id}")
    String detail(@PathVariable long id, Model model) {
        StaffView staff = register.get(id);
        model.addAttribute("staff", staff);
        model.addAttribute("trainings", register.trainings(id));
        boolean business = permissions.may(Action.READ_BUSINESS);
        model.addAttribute("visits", business ? visits.visitsOf(id) : List.of());
        model.addAttribute("showVisits", business);
        model.addAttribute("today", register.today());
        return "township/safety-staff-detail";
    }

    @GetMapping("/township/safety-staff/{id}/edit")
    @Allowed(Action.MANAGE_SAFETY_STAFF)
    String editForm(@PathVariable long id, Model model) {
        StaffView staff = register.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", staff.toForm());
        }
        model.addAttribute("townships", register.townships());
        model.addAttribute("areaKinds", AreaKind.values());
        model.addAttribute("staff", staff);
        return "township/safety-staff-form";
    }

    @PostMapping("/township/safety-staff/{id}")
    @Allowed(Action.MANAGE_SAFETY_STAFF)
    @AuditAction("修改专职安全员")
    String update(@PathVariable long id, @ModelAttribute("form") StaffForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            requireBound(binding);
            register.describe(id, form);
            redirect.addFlashAttribute("message", "已保存修改。");
            return "redirect:/township/safety-staff/" + id;
        } catch (RuleViolation refused) {
            refuse(refused, model, response);
            model.addAttribute("form", binding.hasErrors() || form == null ? register.get(id).toForm() : form);
            return editForm(id, model);
        }
    }

    @PostMapping("/township/safety-staff/{id}/trainings")
    @Allowed(Action.MANAGE_SAFETY_STAFF)
    @AuditAction("登记专职安全员培训")
    String addTraining(@PathVariable long id, @ModelAttribute("training") TrainingForm form, BindingResult binding,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (binding.hasErrors()) {
                throw new RuleViolation("请检查培训日期和学时的填写格式。");
            }
            register.addTraining(id, form);
            redirect.addFlashAttribute("message", "已登记培训。");
            return "redirect:/township/safety-staff/" + id;
        } catch (RuleViolation refused) {
            refuse(refused, model, response);
            model.addAttribute("trainingError", refused.getMessage());
            return detail(id, model);
        }
    }

    @PostMapping("/township/safety-staff/{id}/end")
    @Allowed(Action.MANAGE_SAFETY_STAFF)
    @AuditAction("专职安全员离任")
    String endTerm(@PathVariable long id, @ModelAttribute("end") EndTerm form, BindingResult binding, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (binding.hasErrors()) {
                throw new RuleViolation("请检查离任日期的填写格式。");
            }
            register.endTerm(id, form);
            redirect.addFlashAttribute("message", "已登记离任。");
            return "redirect:/township/safety-staff/" + id;
        } catch (RuleViolation refused) {
            refuse(refused, model, response);
            model.addAttribute("endError", refused.getMessage());
            return detail(id, model);
        }
    }

    @GetMapping("/township/safety-staff/{id}/visits/new")
    @Allowed(Action.RECORD_SAFETY_STAFF_VISIT)
    String visitForm(@PathVariable long id, Model model) {
        StaffView staff = register.get(id);
        model.addAttribute("staff", staff);
        model.addAttribute("firms", visits.firmsOf(staff));
        model.addAttribute("assignees", visits.assigneesFor(staff.organizationId()));
        model.addAttribute("today", register.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AssistingVisits.RecordVisit.empty(register.today()));
        }
        return "township/staff-visit-form";
    }

    @PostMapping("/township/safety-staff/{id}/visits")
    @Allowed(Action.RECORD_SAFETY_STAFF_VISIT)
    @AuditAction("登记专职安全员协助检查")
    String recordVisit(@PathVariable long id, @ModelAttribute("form") AssistingVisits.RecordVisit form,
                       BindingResult binding, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (binding.hasErrors()) {
                throw new RuleViolation("请检查走访日期的填写格式。");
            }
            long visitId = withUploads(photos, uploads -> visits.recordVisit(id, form, uploads));
            int leads = form.findingLines().size();
            redirect.addFlashAttribute("message", leads == 0 ? "已登记协助检查。"
                    : "已登记协助检查，" + leads + "条发现的问题已作为线索交区执法人员处理。");
            return "redirect:/township/safety-staff/" + id + "#visit-" + visitId;
        } catch (RuleViolation refused) {
            refuse(refused, model, response);
            if (binding.hasErrors() || form == null) {
                model.addAttribute("form", AssistingVisits.RecordVisit.empty(register.today()));
            }
            return visitForm(id, model);
        }
    }

    /** Opens the chosen photos (empty file inputs left out) for the command and closes them after it. */
    static long withUploads(List<MultipartFile> files, java.util.function.ToLongFunction<List<Upload>> command) {
        List<InputStream> opened = new ArrayList<>();
        try {
            List<Upload> uploads = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (file.isEmpty()) {
                    continue;
                }
                InputStream in = file.getInputStream();
                opened.add(in);
                uploads.add(Upload.of(in, file.getOriginalFilename(), EvidenceSource.PHONE));
            }
            return command.applyAsLong(uploads);
        } catch (IOException e) {
            throw new RuleViolation("无法读取上传的照片，请重新选择。");
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the upload is stored or refused already
                }
            }
        }
    }

    private static void requireBound(BindingResult binding) {
        if (binding.hasErrors()) {
            throw new RuleViolation("请检查日期和区域类别的填写格式。");
        }
    }

    /** A refusal shown on the form (422), audited as refused; a missing record or a foreign one is not a form error. */
    static void refuse(RuleViolation refused, Model model, HttpServletResponse response) {
        if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
            throw refused;
        }
        Audit.refused(refused.getMessage());
        response.setStatus(refused.kind() == RuleViolation.Kind.CONFLICT ? HttpStatus.CONFLICT.value()
                : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("formError", refused.getMessage());
    }
}
