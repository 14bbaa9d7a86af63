/**
 * 执法装备 equipment: the register of a unit's enforcement equipment (执法记录仪, 执法终端, 便携打印机, 车辆, 询问室,
 * 检测仪器) with its number, holder (an officer of the unit), status and purchase date; lists scoped by unit, XLSX, and
 * the equipment figures of the annual report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法装备 equipment")
package cn.zhifa.equipment;
