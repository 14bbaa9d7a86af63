package cn.zhifa.publicity.internal;

import cn.zhifa.law.PeriodCode;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publicity settings ({@code zhifa.publicity.*}). The periods themselves (lengths, sources, effective dates) are
 * law's {@code legal-rules.yml}; here only which of them applies.
 *
 * @param publicationPeriod  处罚决定公开期限 (安全生产法第七十八条: 7 working days)
 * @param withdrawalPeriod   撤回期限 after a change or revocation (行政处罚法第四十八条: 3 working days)
 * @param expiryPeriod       公示期: a publication leaves the portal at its end (发改委令第58号: at most 3 years from the
 *                           decision; information stops being shown when the maximum is reached)
 * @param earliestEndPeriod  the minimum period before which publication may not end early (安全生产 1 year)
 * @param warningWorkingDays a decision awaiting publication is 临期 this many working days before its due day
 * @param portalAuthority    the authority the public portal is named after; blank = the authority of the decisions
 * @param authorityCodes     处罚机关 name → its 统一社会信用代码 (a mandatory field of the 双公示 exchange file)
 */
@ConfigurationProperties("zhifa.publicity")
public record PublicityRules(@DefaultValue("PUBLICITY_OF_DECISION") PeriodCode publicationPeriod,
                             @DefaultValue("WITHDRAWAL_OF_PUBLICITY") PeriodCode withdrawalPeriod,
                             @DefaultValue("PENALTY_PUBLICITY_MAXIMUM") PeriodCode expiryPeriod,
                             @DefaultValue("PENALTY_PUBLICITY_MINIMUM_SAFETY") PeriodCode earliestEndPeriod,
                             @DefaultValue("2") int warningWorkingDays,
                             @DefaultValue("") String portalAuthority,
                             Map<String, String> authorityCodes) {

    public PublicityRules {
        authorityCodes = authorityCodes == null ? Map.of() : Map.copyOf(authorityCodes);
    }

    public static PublicityRules defaults() {
        return new PublicityRules(PeriodCode.PUBLICITY_OF_DECISION, PeriodCode.WITHDRAWAL_OF_PUBLICITY,
                PeriodCode.PENALTY_PUBLICITY_MAXIMUM, PeriodCode.PENALTY_PUBLICITY_MINIMUM_SAFETY, 2, "", Map.of());
    }
}
