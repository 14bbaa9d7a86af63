/**
 * Inspections: tasks (from plans, 双随机 draws, campaigns, complaints, accidents, or ad hoc), checklist
 * templates (versioned, seeded from the 重大事故隐患判定标准), the 现场检查记录 taken on a phone with
 * per-item results, photos and drawn signatures, submitted once and then immutable. Publishes
 * {@link cn.zhifa.inspection.InspectionRecorded} and {@link cn.zhifa.inspection.FindingsRecorded}.
 */
package cn.zhifa.inspection;
