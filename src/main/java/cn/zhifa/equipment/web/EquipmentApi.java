package cn.zhifa.equipment.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.equipment.EquipmentFilter;
import cn.zhifa.equipment.EquipmentForm;
import cn.zhifa.equipment.EquipmentKind;
import cn.zhifa.equipment.EquipmentManagement;
import cn.zhifa.equipment.EquipmentRow;
import cn.zhifa.equipment.EquipmentStatus;
import cn.zhifa.evidence.Idempotency;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The 执法装备 register over JSON: the list of the caller's units, one item, registering, 领用 and 归还. */
@RestController
@Tag(name = "执法装备", description = "执法记录仪、执法终端、便携打印机、车辆、询问室、检测仪器")
@Allowed(Action.READ_BUSINESS)
class EquipmentApi {

    private final EquipmentManagement equipment;
    private final Idempotency idempotency;
    private final JsonMapper json;

    EquipmentApi(EquipmentManagement equipment, Idempotency idempotency, JsonMapper json) {
        this.equipment = equipment;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Schema(description = "领用：保管人须为装备所属单位持有有效执法证的执法人员")
    record Assignment(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "执法人员的用户编号") Long holderUserId) {
    }

    @GetMapping("/api/v1/equipment")
    @Operation(summary = "装备台账（本单位及下级单位）：kind 类别，status 状态（IN_USE 在用、REPAIR 维修、SCRAPPED 报废），"
            + "unitId 单位（含下级），keyword 编号、型号或保管人")
    Page<EquipmentRow> list(@RequestParam(required = false) EquipmentKind kind, @RequestParam(required = false) EquipmentStatus status,
                            @RequestParam(required = false) Long unitId, @RequestParam(required = false) String keyword,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return equipment.search(new EquipmentFilter(kind, status, unitId, keyword), page, size);
    }

    @GetMapping("/api/v1/equipment/{id}")
    @Operation(summary = "一件装备")
    EquipmentRow get(@PathVariable long id) {
        return equipment.get(id);
    }

    @PostMapping("/api/v1/equipment")
    @Allowed(Action.MANAGE_EQUIPMENT)
    @Operation(summary = "登记装备（可带 Idempotency-Key，重试不会重复登记）")
    ResponseEntity<String> register(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                    @RequestBody EquipmentForm form) {
        if (form == null) {
            throw new RuleViolation("请填写装备的所属单位、类别、编号和状态。");
        }
        return idempotency.onceIfKeyed(key, "equipment.register", json.writeValueAsString(form), HttpStatus.CREATED, () -> {
            long id = equipment.register(form);
            Audit.target("执法装备", id);
            return equipment.get(id);
        });
    }

    @PostMapping("/api/v1/equipment/{id}/assignment")
    @Allowed(Action.MANAGE_EQUIPMENT)
    @Operation(summary = "领用：把装备交给执法人员保管")
    EquipmentRow assign(@PathVariable long id, @RequestBody Assignment body) {
        Audit.target("执法装备", id);
        return equipment.assign(id, body == null ? null : body.holderUserId());
    }

    @PostMapping("/api/v1/equipment/{id}/return")
    @Allowed(Action.MANAGE_EQUIPMENT)
    @Operation(summary = "归还：装备收回单位，不再有保管人")
    EquipmentRow giveBack(@PathVariable long id) {
        Audit.target("执法装备", id);
        return equipment.giveBack(id);
    }
}
