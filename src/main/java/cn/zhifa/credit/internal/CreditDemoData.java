package cn.zhifa.credit.internal;

import cn.zhifa.documents.DemoDocuments;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.shared.demo.DemoDataLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The credit part of the demo city: two 东城 firms with accident facts (there is no accident module yet), one listed
 * after a 重大事故 through 告知 → 陈述申辩 → 列入决定 (still on the public list), one listed 15 months ago after two
 * 较大事故 and removed early after 信用修复. Grades of the other firms come from the demo cases' and hazards' events.
 */
@Component
class CreditDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final CreditFacts facts;
    private final ListingProposals proposals;
    private final ListingDesk desk;
    private final DemoDocuments documents;
    private final Clock clock;

    CreditDemoData(JdbcClient jdbc, UserManagement users, OrganizationManagement organizations,
                   EnterpriseManagement enterprises, CreditFacts facts, ListingProposals proposals, ListingDesk desk,
                   DemoDocuments documents, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.facts = facts;
        this.proposals = proposals;
        this.desk = desk;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM credit_listing WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        UserView leader = users.findByUsername("leader1").orElse(null);
        if (leader == null) {
            return;
        }
        List<EnterpriseSummary> pool = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(leader.organizationId()))))
                .stream().filter(e -> e.uscc() != null).sorted(Comparator.comparingLong(EnterpriseSummary::id)).toList();
        if (pool.size() < 8) {
            return;
        }
        DemoActor.of(leader).run(() -> {
            listed(pool.get(3), leader);
            repaired(pool.get(7), leader);
        });
    }

    private void listed(EnterpriseSummary firm, UserView leader) {
        LocalDate today = LocalDate.now(clock);
        LocalDate accident = today.minusMonths(4);
        String number = "（东城）应急罚〔" + accident.getYear() + "〕901号";
        facts.record(new CreditFact(firm.id(), CreditFact.Kind.ACCIDENT, "demo:accident:" + firm.id(), accident, null,
                "MAJOR", "重大事故（" + number + "）"), true);
        facts.record(new CreditFact(firm.id(), CreditFact.Kind.PENALTY, "demo:penalty:" + firm.id(), accident,
                new BigDecimal("2500000.00"), null, number + "，罚款 2500000.00 元（重大生产安全事故）"), true);
        long id = proposals.propose(firm.id(), leader.organizationId(), "6-1", null, number + "（重大生产安全事故）",
                today.minusDays(30), true).orElseThrow();
        Listing l = desk.notifyParty(id, 0, today.minusDays(28));
        l = desk.recordStatement(id, l.version(), "对事故调查认定的事实无异议，请求从轻考虑。");
        desk.decide(id, l.version(), "所提理由不属于不予列入的情形，不予采纳。", today.minusDays(14));
    }

    private void repaired(EnterpriseSummary firm, UserView leader) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusMonths(18);
        LocalDate second = today.minusMonths(16);
        facts.record(new CreditFact(firm.id(), CreditFact.Kind.ACCIDENT, "demo:accident:" + firm.id() + ":1", first, null,
                "LARGER", "较大事故（（东城）应急罚〔" + first.getYear() + "〕902号）"), true);
        facts.record(new CreditFact(firm.id(), CreditFact.Kind.ACCIDENT, "demo:accident:" + firm.id() + ":2", second, null,
                "LARGER", "较大事故（（东城）应急罚〔" + second.getYear() + "〕903号）"), true);
        LocalDate proposed = second.plusDays(5);
        long id = proposals.propose(firm.id(), leader.organizationId(), "6-2", null,
                "（东城）应急罚〔" + second.getYear() + "〕903号（12个月内第二起较大生产安全事故）", proposed, true).orElseThrow();
        Listing l = desk.notifyParty(id, 0, proposed);
        l = desk.decide(id, l.version(), "", proposed.plusDays(15));
        desk.removeEarly(id, l.version(), new HashSet<>(List.of("FINE_PAID", "HARM_ELIMINATED")),
                "罚款已缴清，已完成整改并经复查验收，作出信用承诺，同意提前移出。", today.minusDays(20));
    }

    @Override
    @Transactional
    public void purge() {
        List<String> ids = jdbc.sql("SELECT id FROM credit_listing WHERE demo").query(Long.class).list().stream()
                .map(String::valueOf).toList();
        documents.purge("credit-listing", ids);
        jdbc.sql("DELETE FROM credit_listing WHERE demo").update();
        jdbc.sql("DELETE FROM credit_fact WHERE demo").update();
    }
}
