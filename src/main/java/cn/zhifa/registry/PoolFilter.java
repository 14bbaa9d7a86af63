package cn.zhifa.registry;

import java.util.Set;

/**
 * The draw pool (双随机 检查对象库): enterprises in business (在业) that match every non-empty criterion.
 * Not data-scoped: the caller names the organisations whose enterprises form the pool.
 *
 * @param organizationIds  owning organisations (required, e.g. a district's subtree)
 * @param industries       门类 letters or 大类 codes, any of them
 * @param townCodePrefix   a division-code prefix
 * @param anyRiskFeatures  at least one of these features
 * @param levels           supervision levels
 * @param excludeWhitelisted leave out 白名单 enterprises
 */
public record PoolFilter(Set<Long> organizationIds, Set<String> industries, String townCodePrefix,
                         Set<RiskFeature> anyRiskFeatures, Set<SupervisionLevel> levels, boolean excludeWhitelisted) {

    public static PoolFilter of(Set<Long> organizationIds) {
        return new PoolFilter(organizationIds, Set.of(), null, Set.of(), Set.of(), false);
    }
}
