/**
 * Statistics read models, dashboards and the annual report (行政执法工作报告 / 法治政府建设年度报告).
 * Figures come from aggregates this module maintains from the other modules' events (through the Modulith
 * publication registry) and from the owning modules' statistics APIs; a rebuild asks the owners to replay
 * their facts for a year. Figures of modules not built yet are contributed through {@link cn.zhifa.reporting.FigureSource}
 * and listed in {@link cn.zhifa.reporting.AnnualFigures#notRecorded()} until a source provides them.
 */
package cn.zhifa.reporting;
