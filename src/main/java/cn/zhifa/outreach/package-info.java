/**
 * 执法 + 普法 + 服务 (issue 20): 普法 activities (送法进企, 宣讲, 直播, 答题, “四进”, 读本发放), the register of experts who join
 * 帮扶 visits to firms, and the 提示函 / 警示函 issued to firms as numbered documents through the documents module. Its
 * figures reach the annual report through {@link cn.zhifa.reporting.FigureSource}, its entries the firm's profile through
 * {@link cn.zhifa.registry.EnterpriseProfileSection} and the registry's timeline event. No other module calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "普法与帮扶 outreach")
package cn.zhifa.outreach;
