package cn.zhifa.credit.internal;

import cn.zhifa.credit.CreditManagement;
import cn.zhifa.credit.CreditStanding;
import cn.zhifa.planning.CreditStandings;
import cn.zhifa.registry.EnterpriseProfileSection;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The credit standing as planning grades on it and as the registry's profile page shows it. */
@Component
class CreditForOthers implements CreditStandings, EnterpriseProfileSection {

    private final CreditManagement credit;
    private final CreditPolicy policy;

    CreditForOthers(CreditManagement credit, CreditPolicy policy) {
        this.credit = credit;
        this.policy = policy;
    }

    @Override
    public Map<Long, Standing> of(Collection<Long> enterpriseIds) {
        Map<Long, Standing> out = new HashMap<>();
        credit.standings(enterpriseIds).forEach((id, s) -> out.put(id, new Standing(s.grade(), s.recentAccidents(),
                s.recentPenalties(), s.listed() ? policy.listedMinimumAnnualFrequency() : null,
                s.listed() ? "列入严重失信主体名单，联合惩戒：年度检查不少于 " + policy.listedMinimumAnnualFrequency() + " 次（"
                        + policy.listedFrequencySource() + "）" : null)));
        return out;
    }

    @Override
    public Optional<Block> blockFor(long enterpriseId) {
        CreditStanding s = credit.standing(enterpriseId);
        return Optional.of(new Block("信用", "信用等级：" + s.grade() + (s.listed() ? "（严重失信主体名单内）" : ""),
                s.reasons(), s.listed() ? "/public/credit" : ""));
    }
}
