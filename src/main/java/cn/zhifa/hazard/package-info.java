/**
 * The hazard register and its closed loop (检查 → 隐患 → 整改 → 复查 → 销号): 责令限期整改 or 现场处理措施,
 * the firm's rectification report, 复查, 销号 by a second officer with evidence, due-soon and overdue
 * warnings in working days, 挂牌督办 with 五落实 for major hazards, deadline extensions and 曝光.
 * Publishes {@link cn.zhifa.hazard.HazardOverdue} for casework (安全生产法第一百零二条).
 */
package cn.zhifa.hazard;
