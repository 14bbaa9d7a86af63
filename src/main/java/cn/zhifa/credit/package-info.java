/**
 * Credit (信用): facts per firm fed by other modules' events (decided penalty cases with their fines, accidents by
 * grade, major hazards found and overdue, listings), the credit grade computed from them by a dated rule table
 * that ADMIN maintains, and the 严重失信主体名单 (应急管理部令第11号) with its procedure, publication and repair.
 * Planning reads grades through {@link cn.zhifa.planning.CreditStandings}; the registry's profile shows a
 * block through {@link cn.zhifa.registry.EnterpriseProfileSection}. The API is {@link cn.zhifa.credit.CreditManagement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "信用 credit")
package cn.zhifa.credit;
