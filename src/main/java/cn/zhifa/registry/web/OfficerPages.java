package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.registry.CertificateForm;
import cn.zhifa.registry.OfficerCertificate;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.TrainingRecord;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Officers and their 行政执法证: the filtered, paged list with its export, issue, renew, suspend, reinstate,
 * revoke, township and training. A refused command re-shows its page with the Chinese reason (and is audited as
 * rejected); nothing is changed.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class OfficerPages {

    static final Map<String, String> STANDINGS = new LinkedHashMap<>();

    static {
        STANDINGS.put("VALID", "有效");
        STANDINGS.put("EXPIRING", "即将到期");
        STANDINGS.put("EXPIRED", "已过期");
        STANDINGS.put("SUSPENDED", "暂扣");
        STANDINGS.put("REVOKED", "注销");
    }

    private final OfficerManagement officers;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final Clock clock;
    private final List<cn.zhifa.registry.OfficerPageSection> sections;

    OfficerPages(OfficerManagement officers, UserManagement users, OrganizationManagement organizations, Clock clock,
                 List<cn.zhifa.registry.OfficerPageSection> sections) {
        this.sections = sections;
        this.officers = officers;
        this.users = users;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping("/registry/officers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long org,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CertificateForm.empty());
        }
        LocalDate today = LocalDate.now(clock);
        String standing = status == null || !STANDINGS.containsKey(status) ? "" : status;
        List<OfficerCertificate> matching = officers.certificates(q, org, standing, today);
        int number = Page.number(page);
        int pageSize = Page.size(size);
        List<OfficerCertificate> items = matching.stream().skip((long) number * pageSize).limit(pageSize).toList();
        model.addAttribute("today", today);
        model.addAttribute("certificates", new Page<>(items, number, pageSize, matching.size()));
        model.addAttribute("standings", STANDINGS);
        model.addAttribute("standingOf", items.stream().collect(Collectors.toMap(OfficerCertificate::getId,
                c -> STANDINGS.getOrDefault(officers.standing(c, today), "未生效"))));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("org", org);
        model.addAttribute("status", standing);
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("expiring", officers.expiring());
        model.addAttribute("warningDays", officers.warningDays());
        model.addAttribute("statistics", officers.statistics(today.getYear()));
        model.addAttribute("candidates", users.search(null, null, 0, 200).items().stream()
                .filter(u -> u.roles().contains(Role.OFFICER)).toList());
        return "registry/officers";
    }

    /** The filtered list as an .xlsx (the same filters as the page, all pages). */
    @GetMapping("/registry/officers/export.xlsx")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long org,
                @RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        LocalDate today = LocalDate.now(clock);
        String standing = status == null || !STANDINGS.containsKey(status) ? "" : status;
        List<OfficerCertificate> rows = officers.certificates(q, org, standing, today);
        Map<Long, String> units = unitNames();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("执法人员与执法证-" + today + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("执法人员");
            List<String> headers = List.of("姓名", "执法证号", "所属单位", "发证机关", "发证日期", "有效期至", "状态", "状态原因", "负责乡镇区划代码");
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int r = 1;
            for (OfficerCertificate c : rows) {
                Row row = sheet.createRow(r++);
                String[] values = {c.getOfficerName(), c.getCertificateNo(), units.getOrDefault(c.getOrganizationId(), ""),
                        c.getIssuingAuthority(), c.getIssuedOn().toString(), c.getExpiresOn().toString(),
                        STANDINGS.getOrDefault(officers.standing(c, today), "未生效"),
                        c.getStatusReason() == null ? "" : c.getStatusReason(), c.getTownCode() == null ? "" : c.getTownCode()};
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
            workbook.write(response.getOutputStream());
        }
    }

    @PostMapping("/registry/officers/certificates")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("登记行政执法证")
    String issue(@Valid @ModelAttribute("form") CertificateForm form, BindingResult errors, Model model,
                 RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("refusal", BindingMessages.of(errors));
            return list(null, null, null, null, null, model);
        }
        try {
            OfficerCertificate issued = officers.issue(form);
            redirect.addFlashAttribute("message", "已登记 " + issued.getOfficerName() + " 的执法证 " + issued.getCertificateNo() + "。");
            return "redirect:/registry/officers/certificates/" + issued.getId();
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return list(null, null, null, null, null, model);
        }
    }

    @GetMapping("/registry/officers/certificates/{id}")
    String certificate(@PathVariable long id, Model model) {
        OfficerCertificate certificate = officers.certificate(id);
        LocalDate today = LocalDate.now(clock);
        List<OrganizationView> towns = officers.townsFor(certificate.getOrganizationId());
        model.addAttribute("certificate", certificate);
        model.addAttribute("today", today);
        model.addAttribute("standing", STANDINGS.getOrDefault(officers.standing(certificate, today), "未生效"));
        model.addAttribute("unitName", unitNames().getOrDefault(certificate.getOrganizationId(), ""));
        model.addAttribute("towns", towns);
        model.addAttribute("townName", certificate.getTownCode() == null ? "未指定" : towns.stream()
                .filter(t -> certificate.getTownCode().equals(t.divisionCode())).map(t -> t.name() + "（" + t.divisionCode() + "）")
                .findFirst().orElse(certificate.getTownCode()));
        model.addAttribute("trainings", officers.trainings(certificate.getUserId()));
        model.addAttribute("verdict", officers.mayEnforce(certificate.getUserId(), today));
        model.addAttribute("officerSections", sections.stream().flatMap(s -> s.blockFor(certificate.getUserId()).stream()).toList());
        return "registry/certificate";
    }

    @PostMapping("/registry/officers/certificates/{id}/renew")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("执法证换证延期")
    String renew(@PathVariable long id, @RequestParam(required = false) String expiresOn, Model model,
                 RedirectAttributes redirect) {
        return change(id, model, redirect, "已延期。", () -> officers.renew(id, date(expiresOn, "新的有效期截止日期")));
    }

    @PostMapping("/registry/officers/certificates/{id}/suspend")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("暂扣执法证")
    String suspend(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已暂扣。", () -> officers.suspend(id, reason));
    }

    @PostMapping("/registry/officers/certificates/{id}/reinstate")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("恢复执法证")
    String reinstate(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已恢复。", () -> officers.reinstate(id));
    }

    @PostMapping("/registry/officers/certificates/{id}/revoke")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("注销执法证")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已注销。", () -> officers.revoke(id, reason));
    }

    @PostMapping("/registry/officers/certificates/{id}/town")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("调整执法人员负责乡镇")
    String town(@PathVariable long id, @RequestParam(required = false) String townCode, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已调整负责乡镇。", () -> officers.changeTown(id, townCode));
    }

    /** A training of any officer of the scope, also before a certificate is issued (e.g. the 执法证 course). */
    @PostMapping("/registry/officers/trainings")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("登记执法人员培训")
    String trainingOfOfficer(@RequestParam(required = false) Long userId, @RequestParam(required = false) String course,
                             @RequestParam(required = false) String hours, @RequestParam(required = false) String examScore,
                             @RequestParam(required = false) String completedOn, Model model, RedirectAttributes redirect) {
        try {
            officers.recordTraining(new TrainingRecord(userId == null ? 0 : userId, course, number(hours, "学时", true),
                    number(examScore, "考试成绩", false), date(completedOn, "完成日期")));
            redirect.addFlashAttribute("message", "已登记培训记录。");
            return "redirect:/registry/officers";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("trainingOpen", true);
            return list(null, null, null, null, null, model);
        }
    }

    @PostMapping("/registry/officers/certificates/{id}/trainings")
    @Allowed(Action.MANAGE_CERTIFICATES)
    @AuditAction("登记执法人员培训")
    String training(@PathVariable long id, @RequestParam(required = false) String course,
                    @RequestParam(required = false) String hours, @RequestParam(required = false) String examScore,
                    @RequestParam(required = false) String completedOn, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已登记培训记录。", () -> {
            officers.recordTraining(new TrainingRecord(officers.certificate(id).getUserId(), course,
                    number(hours, "学时", true), number(examScore, "考试成绩", false), date(completedOn, "完成日期")));
            return null;
        });
    }

    private String change(long id, Model model, RedirectAttributes redirect, String done, Supplier<?> action) {
        return PageCommand.run(action::get, done, "/registry/officers/certificates/" + id, redirect, model,
                () -> certificate(id, model));
    }

    /** A decimal typed into a text box, or a Chinese refusal ("学时应为数字"). */
    static BigDecimal number(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new RuleViolation("请填写" + field + "。");
            }
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(field + "应为数字（“" + text.strip() + "”）。");
        }
    }

    /** A date typed as yyyy-mm-dd (or blank), or a Chinese refusal. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation(field + "格式不正确（应为 年-月-日，如 2026-01-31）。");
        }
    }

    private Map<Long, String> unitNames() {
        return organizations.visibleTree().stream().collect(Collectors.toMap(OrganizationView::id, OrganizationView::name));
    }
}
