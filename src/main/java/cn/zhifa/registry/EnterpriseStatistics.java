package cn.zhifa.registry;

import java.util.Map;

/** Active enterprises by 门类, supervision level, risk feature and status (labels → counts). */
public record EnterpriseStatistics(long total, Map<String, Long> bySection, Map<String, Long> byLevel,
                                   Map<String, Long> byRiskFeature, Map<String, Long> byStatus) {
}
