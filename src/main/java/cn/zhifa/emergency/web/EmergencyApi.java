package cn.zhifa.emergency.web;

import cn.zhifa.emergency.internal.EmergencyRegisters;
import cn.zhifa.emergency.internal.Entry;
import cn.zhifa.emergency.internal.Field;
import cn.zhifa.emergency.internal.InvalidEntry;
import cn.zhifa.emergency.internal.Register;
import cn.zhifa.evidence.Idempotency;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.ApiExceptionHandler;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emergency registers over JSON, the same registers, rules, scope and permissions as the pages: lists with the
 * page's filters (phones masked), a row (phones masked), the full phone as a deliberate, audited read, create
 * (with an optional Idempotency-Key) and update at a version.
 */
@RestController
@Tag(name = "应急管理台账", description = "应急预案（plans）、应急演练（drills）、救援队伍（teams）、应急物资（materials）、"
        + "灾害信息员（informants）、安责险保单（insurance）")
@Allowed(Action.READ_EMERGENCY)
class EmergencyApi {

    private final EmergencyRegisters registers;
    private final Idempotency idempotency;
    private final JsonMapper json;

    EmergencyApi(EmergencyRegisters registers, Idempotency idempotency, JsonMapper json) {
        this.registers = registers;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Schema(description = "台账的一条记录；fields 按字段名给出页面所示的值（日期为 ISO，预案、企业为名称，电话已打码）")
    record EntryView(long id, long unitId, String unitName, int version, String name, Map<String, String> fields,
                     @Schema(description = "预案的评估状态或保单的保险期间状态，其他台账为空") String status) {

        static EntryView of(Entry e) {
            return new EntryView(e.id(), e.organizationId(), e.unitName(), e.version(), e.name(), e.listed(), e.status());
        }
    }

    @Schema(description = "登记或修改一条记录。fields 的字段名与页面表单一致，例如救援队伍：name、kind、members、equipment、"
            + "contact_person、contact_phone；安责险保单：enterprise_id（统一社会信用代码）、insurer、policy_number、starts_on、"
            + "ends_on、amount（万元）；演练的 plan_id 为预案编号。unitId 为所属单位（保单属于投保企业所在单位，不填）。")
    record EntryBody(Long unitId, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, String> fields,
                     @Schema(description = "修改时为读到的版本号") Integer version) {
    }

    record Phone(String field, String label, String phone) {
    }

    @GetMapping("/api/v1/emergency/{register}")
    @Operation(summary = "台账列表（本单位及下级单位）：q 关键字，unitId 单位（含下级），choice 类别/层级，"
            + "status：预案 overdue 评估逾期、due 即将到期；保单 expired 已到期、due 30日内到期")
    Page<EntryView> list(@PathVariable String register, @RequestParam(required = false) String q,
                         @RequestParam(required = false) Long unitId, @RequestParam(required = false) String choice,
                         @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size) {
        return registers.search(register(register), new EmergencyRegisters.Filter(q, unitId, choice, status),
                Page.number(page), Page.size(size)).map(EntryView::of);
    }

    @GetMapping("/api/v1/emergency/{register}/{id}")
    @Operation(summary = "一条记录（电话打码）")
    EntryView get(@PathVariable String register, @PathVariable long id) {
        return EntryView.of(registers.get(register(register), id));
    }

    @GetMapping("/api/v1/emergency/{register}/{id}/phone")
    @Operation(summary = "查看完整联系电话（个人信息查阅，记入审计日志）；仅救援队伍和灾害信息员有电话")
    Phone phone(@PathVariable String register, @PathVariable long id) {
        Register r = register(register);
        Field field = EmergencyPages.phoneField(r);
        return new Phone(field.name(), field.label(), registers.get(r, id).show(field.name()));
    }

    @PostMapping("/api/v1/emergency/{register}")
    @Allowed(Action.EDIT_EMERGENCY)
    @Operation(summary = "登记一条记录（可带 Idempotency-Key，重试不会重复登记）")
    ResponseEntity<String> create(@PathVariable String register, @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @RequestBody EntryBody body) {
        Register r = register(register);
        Map<String, String> form = form(r, body);
        return idempotency.onceIfKeyed(key, "emergency." + r.path(), json.writeValueAsString(body), HttpStatus.CREATED,
                () -> EntryView.of(registers.get(r, registers.save(r, null, form, 0))));
    }

    @PutMapping("/api/v1/emergency/{register}/{id}")
    @Allowed(Action.EDIT_EMERGENCY)
    @Operation(summary = "修改一条记录（version 为读到的版本号；他人已修改时 409）")
    EntryView update(@PathVariable String register, @PathVariable long id, @RequestBody EntryBody body) {
        Register r = register(register);
        return EntryView.of(registers.get(r, registers.save(r, id, form(r, body), body.version() == null ? 0 : body.version())));
    }

    @ExceptionHandler(InvalidEntry.class)
    ResponseEntity<ProblemDetail> invalid(InvalidEntry invalid) {
        ResponseEntity<ProblemDetail> problem = ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.getBody().setProperty("errors", invalid.errors());
        return problem;
    }

    private static Map<String, String> form(Register r, EntryBody body) {
        if (body == null || body.fields() == null) {
            throw new RuleViolation("请在 fields 中填写" + r.noun() + "的各项内容。");
        }
        Map<String, String> form = new LinkedHashMap<>(body.fields());
        form.remove("unit_id");
        form.put("unit_id", String.valueOf(body.unitId() != null ? body.unitId() : Actors.require().organizationId()));
        return form;
    }

    private static Register register(String path) {
        return Register.byPath(path).orElseThrow(() -> RuleViolation.notFound("没有这个应急管理台账。"));
    }
}
