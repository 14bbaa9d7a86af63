/**
 * 乡镇（街道）赋权、委托: the powers of the 权责清单 a township unit exercises by 赋权 (in its own name, its own 代字
 * and numbering) or by 委托 (in the bureau's name and numbering), under a legal instrument and for a period; the check
 * that a township opens inspections and cases only within them ({@link cn.zhifa.organization.DelegatedPowers}), the
 * name its documents are issued under, and its figures for the annual report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "乡镇赋权委托 township")
package cn.zhifa.township;
