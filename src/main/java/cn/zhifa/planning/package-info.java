/**
 * Planning: 分类分级 grading rules and results, the annual 安全生产监督检查计划 with its approval flow, claims and
 * amendments, 涉企检查 frequency caps, and verifiable 双随机 draws ({@link cn.zhifa.planning.DrawAlgorithm}) published
 * as {@link cn.zhifa.planning.InspectionTasksDrawn}. Done visits come back as {@link cn.zhifa.planning.VisitCompleted}.
 */
package cn.zhifa.planning;
