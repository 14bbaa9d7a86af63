/**
 * Small shared vocabulary without business rules: refusals ({@code Verdict}, {@code RuleViolation}),
 * {@code Money}, the actor and roles, web plumbing (problem details, error pages, menu, to-do, paging),
 * demo-data hooks and the embedded PostgreSQL. Open: every module may use all of it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.zhifa.shared;
