package cn.zhifa.registry;

import java.time.LocalDate;

/**
 * Published by a later module (inspection, casework) whenever an officer takes part in an enforcement act;
 * the registry counts them for the participation rate (执法参与率). Publishing the same act twice counts once.
 *
 * @param kind e.g. "检查", "立案", "处罚"
 */
public record EnforcementActRecorded(long userId, long enterpriseId, LocalDate occurredOn, String kind) {
}
