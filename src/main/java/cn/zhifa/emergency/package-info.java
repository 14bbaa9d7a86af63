/**
 * 应急管理 emergency: the bureau's emergency registers (应急预案 with their periodic evaluation and 应急处置卡, drills,
 * rescue teams, materials, 灾害信息员) and the firms' 安全生产责任保险 (安责险) policies with the high-risk firms that must
 * be insured flagged when their cover lapses. Its figures reach the annual report through reporting's
 * {@code FigureSource}; its block on the firm page through registry's {@code EnterpriseProfileSection}. Everything
 * else is internal: nothing of this module is called by another.
 */
@org.springframework.modulith.ApplicationModule(displayName = "应急管理 emergency")
package cn.zhifa.emergency;
