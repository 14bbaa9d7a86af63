package cn.zhifa.equipment;

import java.time.LocalDate;

/** One item of the register as lists and the workbook show it. */
public record EquipmentRow(long id, long organizationId, String organizationName, EquipmentKind kind, String kindLabel,
                           String number, String model, Long holderUserId, String holderName, EquipmentStatus status,
                           String statusLabel, LocalDate purchasedOn) {
}
