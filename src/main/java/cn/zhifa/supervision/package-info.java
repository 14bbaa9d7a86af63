/**
 * 执法监督 supervision: the supervisor's dashboard of every unit in scope (inspections, hazards, cases, fines, all
 * from the other modules' {@code …Management} and statistics APIs, never their tables), 督办单 and 约谈 records, and the
 * register of 投诉举报 (complaints and reports) with their statutory handling periods per channel, duplicates and
 * 举报奖励.
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法监督 supervision")
package cn.zhifa.supervision;
