package cn.zhifa.equipment;

/** The list's filters; all optional. {@code unitId} narrows to a unit and its subtree within the caller's scope. */
public record EquipmentFilter(EquipmentKind kind, EquipmentStatus status, Long unitId, String keyword) {
}
