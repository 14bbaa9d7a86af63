/**
 * 执法人员学法、培训与考试 training: 学法清单 (common and per post), the 题库 with its Excel import, training plans and
 * sessions (期, 学时, 人次), 练兵/比武 with awards, exams drawn from the 题库 by rules and scored automatically; the
 * 执法证 exam gates issuing a certificate (through registry's {@code CertificateIssueCondition}), the learning record
 * shows on the officer page (registry's {@code OfficerPageSection}) and the year's figures feed reporting. 逢查必考:
 * during an inspection the officer tests the firm's principal or safety manager on the 应知应会 set; the result is shown
 * on the record and printed in its 现场检查记录 (inspection's {@code RecordSupplement}), a score below the pass mark is
 * a finding the officer turns into a hazard of the record, and the statistics per unit, set and firm feed the report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "学法培训考试 training")
package cn.zhifa.training;
