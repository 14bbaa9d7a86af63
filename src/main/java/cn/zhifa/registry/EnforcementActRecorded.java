package cn.zhifa.registry;

import java.time.LocalDate;

/**
 * Published by a later module (inspection, casework) whenever an officer takes part in an enforcement act;
 * the registry counts them for the participation rate (执法参与率). Publishing the same act twice counts once.
 *
 * @param kind e.g. '检查', '立案', '处罚'
 * @param organizationId the acting unit, or null; the act's row carries the firm's unit, or this one when the act
 *                       names no registered firm (issue 18: the key the table would be distributed by)
 */
public record EnforcementActRecorded(long userId, long enterpriseId, LocalDate occurredOn, String kind, Long organizationId) {

    public EnforcementActRecorded(long userId, long enterpriseId, LocalDate occurredOn, String kind) {
        this(userId, enterpriseId, occurredOn, kind, null);
    }
}
