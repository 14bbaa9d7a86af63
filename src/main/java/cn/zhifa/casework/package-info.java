/**
 * Penalty cases (行政处罚案件) through the statutory procedure: the {@link cn.zhifa.casework.PenaltyCase}
 * aggregate with one guarded transition per procedural step, the deadline engine on law's
 * {@link cn.zhifa.law.LegalCalendar} ({@link cn.zhifa.casework.CaseDeadlines}), the discretion (裁量) engine
 * ({@link cn.zhifa.casework.DiscretionEngine}), legal review, 案审会 meetings and statistics.
 * Other modules open cases through {@link cn.zhifa.casework.CaseManagement#propose(ProposedCase)} and
 * {@link cn.zhifa.casework.CaseManagement#proposeFromUnrectifiedHazard(ProposedCase)}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "案件办理 casework")
package cn.zhifa.casework;
