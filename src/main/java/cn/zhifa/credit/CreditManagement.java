package cn.zhifa.credit;

import cn.zhifa.credit.internal.CreditFacts;
import cn.zhifa.credit.internal.CreditGrading;
import cn.zhifa.credit.internal.CreditPolicy;
import cn.zhifa.credit.internal.CreditRules;
import cn.zhifa.credit.internal.Listings;
import cn.zhifa.shared.web.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The credit module's API: a firm's credit standing (grade with its reasons, from the facts other modules reported
 * and the rule table in force), the joint-punishment inspection frequency of listed firms, and the public
 * 严重失信主体名单.
 */
@Service
public class CreditManagement {

    private final CreditFacts facts;
    private final CreditRules rules;
    private final Listings listings;
    private final CreditPolicy policy;
    private final Clock clock;

    CreditManagement(CreditFacts facts, CreditRules rules, Listings listings, CreditPolicy policy, Clock clock) {
        this.facts = facts;
        this.rules = rules;
        this.listings = listings;
        this.policy = policy;
        this.clock = clock;
    }

    /** The firm's standing today. */
    @Transactional(readOnly = true)
    public CreditStanding standing(long enterpriseId) {
        LocalDate today = LocalDate.now(clock);
        boolean listed = !listings.listedAmong(List.of(enterpriseId), today).isEmpty();
        return CreditGrading.grade(enterpriseId, facts.of(enterpriseId), listed, rules.all(), today);
    }

    /** The standings of many firms today, in a fixed number of queries. */
    @Transactional(readOnly = true)
    public Map<Long, CreditStanding> standings(Collection<Long> enterpriseIds) {
        LocalDate today = LocalDate.now(clock);
        var all = rules.all();
        var byFirm = facts.of(enterpriseIds);
        Set<Long> listed = listings.listedAmong(enterpriseIds, today);
        Map<Long, CreditStanding> standings = new HashMap<>();
        for (Long id : enterpriseIds) {
            standings.put(id, CreditGrading.grade(id, byFirm.getOrDefault(id, List.of()), listed.contains(id), all, today));
        }
        return standings;
    }

    /** 联合惩戒: the least number of inspections a year for a firm on the list (local configuration). */
    public int listedMinimumAnnualFrequency() {
        return policy.listedMinimumAnnualFrequency();
    }

    /** The public 严重失信主体名单 today, newest first; {@code q} matches a name part or a USCC. */
    @Transactional(readOnly = true)
    public Page<SeriousListEntry> seriousList(String q, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        String query = q == null ? "" : q.strip();
        int p = Math.max(page, 0);
        int s = Page.size(size);
        List<SeriousListEntry> items = listings.published(today, query, p * s, s).stream()
                .map(l -> new SeriousListEntry(l.enterpriseName(), l.uscc(), l.groundText(), l.decidedOn(), l.expiresOn(),
                        l.authority())).toList();
        return new Page<>(items, p, s, listings.countPublished(today, query));
    }

    /** 严重失信主体名单 listings decided and removals in a year over some units (the caller checks the scope). */
    public record ListingFigures(long listed, long removed) {
    }

    @Transactional(readOnly = true)
    public ListingFigures listingFigures(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new ListingFigures(0, 0);
        }
        long[] counts = listings.listedAndRemovedBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), organizationIds);
        return new ListingFigures(counts[0], counts[1]);
    }
}
