package cn.zhifa.planning;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The legal and local numbers of planning, from application.yml ({@code zhifa.planning}) with their sources:
 * the annual cap of on-site inspections per firm by grade (白名单 lower), the minimum team of two officers,
 * the default 双随机 ratio and whether officers are recused from their own township.
 */
@ConfigurationProperties("zhifa.planning")
public record PlanningRules(Map<Grade, Integer> annualCap, int whitelistCap, String capSource,
                            int minimumTeamSize, String teamSource, BigDecimal defaultDrawRatio,
                            String drawRatioSource, boolean townRecusal, int lookBackYears) {

    public int capFor(Grade grade, boolean whitelisted) {
        int cap = annualCap.getOrDefault(grade, 1);
        return whitelisted ? Math.min(cap, whitelistCap) : cap;
    }
}
