package cn.zhifa.equipment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Register or change an item: the unit keeping it, its kind and number, the officer holding it (optional). */
public record EquipmentForm(@NotNull(message = "请选择所属单位") Long organizationId,
                            @NotNull(message = "请选择装备类别") EquipmentKind kind,
                            @NotBlank(message = "请填写装备编号") @Size(max = 60, message = "装备编号不能超过60个字") String number,
                            @Size(max = 100, message = "型号不能超过100个字") String model,
                            Long holderUserId,
                            @NotNull(message = "请选择装备状态") EquipmentStatus status,
                            @PastOrPresent(message = "购置日期不能晚于今天") LocalDate purchasedOn) {
}
