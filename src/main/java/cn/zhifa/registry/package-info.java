/**
 * The registry: the enterprise library (企业库) with its change history, duplicate protection, Excel
 * import/export and profile timeline; third-party agencies; officers with their 行政执法证 lifecycle and
 * training; technical inspectors and social supervisors.
 * <p>
 * Public API for later modules: {@link cn.zhifa.registry.EnterpriseManagement} (find, data-scoped search,
 * draw pool), {@link cn.zhifa.registry.OfficerManagement} and {@link cn.zhifa.registry.CertificatePolicy}
 * (who may enforce on a date, certified officers), {@link cn.zhifa.registry.AgencyManagement#servingAgencies}
 * (一企双查). Agencies and supervisors ({@link cn.zhifa.registry.SupervisorManagement}) keep a history of every
 * change. Information flowing back from later modules arrives as
 * events this module defines: {@link cn.zhifa.registry.EnforcementActRecorded} (participation rate) and
 * {@link cn.zhifa.registry.EnterpriseTimelineEntry} (profile timeline), or both of one visit at once
 * ({@link cn.zhifa.registry.EnforcementVisitRecorded}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "企业库与执法人员 registry")
package cn.zhifa.registry;
