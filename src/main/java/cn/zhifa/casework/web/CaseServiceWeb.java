package cn.zhifa.casework.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.casework.internal.service.AddressConfirmation;
import cn.zhifa.casework.internal.service.CaseServices;
import cn.zhifa.casework.internal.service.DocumentService;
import cn.zhifa.casework.internal.service.ServiceMethod;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 送达 of a case's documents (行政处罚法第六十一条; 民事诉讼法第八十七条至第九十五条) and the party's 送达地址确认书, from the case
 * page and the API. The party's periods run from the service day recorded here.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
@Tag(name = "案件办理")
class CaseServiceWeb {

    private final CaseServices services;

    CaseServiceWeb(CaseServices services) {
        this.services = services;
    }

    @PostMapping("/cases/{id}/service-address")
    @Allowed(Action.RECORD_SERVICE)
    @AuditAction("送达地址确认书")
    String confirm(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Audit.target("案件", id);
        try {
            AddressConfirmation a = services.confirmAddress(id, new AddressConfirmation(null, form.get("address"), form.get("recipient"),
                    form.get("phone"), form.get("electronicAddress"), "true".equals(form.get("electronicConsent")), form.get("signedBy"),
                    day(form.get("confirmedOn"), "确认日期"), null));
            redirect.addFlashAttribute("message", "已签发送达地址确认书" + (a.documentNumber() == null ? "" : "（" + a.documentNumber() + "）") + "。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            Audit.detail("被拒绝：" + refused.getMessage());
        }
        return "redirect:/cases/" + id + "#service";
    }

    @PostMapping("/cases/{id}/services")
    @Allowed(Action.RECORD_SERVICE)
    @AuditAction("登记文书送达")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Audit.target("案件", id);
        try {
            DocumentService s = services.record(id, documentId(form.get("documentId")), method(form.get("method")),
                    day(form.get("eventOn"), "送达日期"), form.get("recipient"), form.get("receiptNumber"));
            redirect.addFlashAttribute("message", "已登记《" + s.documentTitle() + "》" + s.method().label() + "，送达日期" + s.servedOn() + "。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            Audit.detail("被拒绝：" + refused.getMessage());
        }
        return "redirect:/cases/" + id + "#service";
    }

    @Schema(description = "送达地址确认书（行政处罚法第六十一条第二款）")
    record ConfirmAddress(@Schema(description = "送达地址", requiredMode = Schema.RequiredMode.REQUIRED) String address,
                          @Schema(description = "收件人", requiredMode = Schema.RequiredMode.REQUIRED) String recipient,
                          @Schema(description = "联系电话") String phone,
                          @Schema(description = "电子送达地址（传真号码、电子邮箱等）") String electronicAddress,
                          @Schema(description = "是否同意电子送达") Boolean electronicConsent,
                          @Schema(description = "签名或者盖章的受送达人", requiredMode = Schema.RequiredMode.REQUIRED) String signedBy,
                          @Schema(description = "确认日期", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate confirmedOn) {
    }

    @Schema(description = "一份文书的送达（行政处罚法第六十一条；民事诉讼法第八十七条至第九十五条）")
    record RecordService(@Schema(description = "送达的文书编号（系统签发文书的 id）", requiredMode = Schema.RequiredMode.REQUIRED) Long documentId,
                         @Schema(description = "送达方式", requiredMode = Schema.RequiredMode.REQUIRED,
                                 allowableValues = {"DIRECT", "LODGED", "ENTRUSTED", "POSTAL", "ELECTRONIC", "PUBLIC_NOTICE"}) String method,
                         @Schema(description = "直接/委托送达：签收日期；留置送达：留置之日；邮寄送达：回执上的收件日期；电子送达：到达之日；公告送达：发出公告之日",
                                 requiredMode = Schema.RequiredMode.REQUIRED) LocalDate eventOn,
                         @Schema(description = "收件人") String recipient,
                         @Schema(description = "邮件号码（邮寄送达）") String receiptNumber) {
    }

    @PostMapping("/api/v1/cases/{id}/service-address")
    @ResponseBody
    @Allowed(Action.RECORD_SERVICE)
    @AuditAction("送达地址确认书")
    @Operation(summary = "签发送达地址确认书（当事人同意电子送达的凭据）")
    AddressConfirmation confirmApi(@PathVariable long id, @RequestBody ConfirmAddress body) {
        Audit.target("案件", id);
        return services.confirmAddress(id, new AddressConfirmation(null, body.address(), body.recipient(), body.phone(),
                body.electronicAddress(), Boolean.TRUE.equals(body.electronicConsent()), body.signedBy(), body.confirmedOn(), null));
    }

    @PostMapping("/api/v1/cases/{id}/services")
    @ResponseBody
    @Allowed(Action.RECORD_SERVICE)
    @AuditAction("登记文书送达")
    @Operation(summary = "登记一份文书的送达方式和送达日期（此后的期限自送达之日起算）")
    DocumentService recordApi(@PathVariable long id, @RequestBody RecordService body) {
        Audit.target("案件", id);
        if (body.documentId() == null) {
            throw new RuleViolation("请选择送达的文书。");
        }
        return services.record(id, body.documentId(), method(body.method()), body.eventOn(), body.recipient(), body.receiptNumber());
    }

    @GetMapping("/api/v1/cases/{id}/services")
    @ResponseBody
    @Operation(summary = "本案文书的送达情况及其后起算的期限")
    Page<CaseServices.ServiceRow> list(@PathVariable long id, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return Page.of(services.rows(id), page, size);
    }

    private static long documentId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("请选择送达的文书。");
        }
    }

    private static ServiceMethod method(String value) {
        for (ServiceMethod m : ServiceMethod.values()) {
            if (value != null && (m.name().equals(value.strip()) || m.label().equals(value.strip()))) {
                return m;
            }
        }
        throw new RuleViolation("请选择送达方式（直接送达、留置送达、委托送达、邮寄送达、电子送达或者公告送达）。");
    }

    private static LocalDate day(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("请填写" + what + "。");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(what + "格式不正确，请按 年-月-日 填写。");
        }
    }
}
