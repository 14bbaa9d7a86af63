/**
 * The legal knowledge of the platform in one place: the working-day calendar ({@link cn.zhifa.law.LegalCalendar}),
 * statutory periods ({@link cn.zhifa.law.StatutoryPeriods}), accident grading and fines, the penalty articles of
 * 安全生产法, procedure limits, and code validators ({@link cn.zhifa.law.Uscc}, {@link cn.zhifa.law.IdNumber}).
 * Every legal number comes from {@code law/legal-rules.yml}; holidays from {@code law/holidays.yml}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "法律知识 law")
package cn.zhifa.law;
