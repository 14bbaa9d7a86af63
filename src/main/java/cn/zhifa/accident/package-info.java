/**
 * 生产安全事故调查处理 accident: the 事故快报 and its 续报 (each report kept, the grade recomputed by law's grading), the
 * deadlines for reporting upward by grade, the investigation (body by grade, team, 60 + 60 days), the 批复 of the report
 * and the penalty cases it calls for (proposed through casework's {@code CaseManagement} and linked both ways), the
 * rectification measures and the 一年内 evaluation, 挂牌督办, statistics and the 警示教育 list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事故调查处理 accident")
package cn.zhifa.accident;
