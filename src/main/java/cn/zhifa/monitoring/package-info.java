/**
 * 在线巡查 online inspection fed by monitoring: the monitoring points of each firm (重大危险源 sensors with their
 * 一级/二级 alarm thresholds, video points), the system clients of the monitoring systems that push alarms and video
 * patrol results ({@code POST /api/v1/monitoring/alarms}, {@code /patrols}), an alarm at or above the configured level
 * or an abnormal patrol becoming one ONLINE inspection task per point while it is open (later alarms grouped into it),
 * and the daily online patrol list of each unit's key firms chosen from planning's 分类分级, with its completion.
 * Its figures reach reporting through {@code FigureSource.workFigures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "在线巡查 monitoring")
package cn.zhifa.monitoring;
