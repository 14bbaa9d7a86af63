package cn.zhifa.township.internal;

import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.publicity.PowerCatalog;
import cn.zhifa.shared.demo.DemoDataLoader;
import cn.zhifa.township.PowerMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district's townships: 东华街道 holds the inspection and penalty powers by 赋权 (own name, 代字 东华),
 * 朝阳街道 the inspection powers by 委托 (the bureau's name); the other townships have none and work as before.
 */
@Component
class TownshipDemoData implements DemoDataLoader {

    static final String GRANTED_TOWNSHIP = "东华街道";
    static final String ENTRUSTED_TOWNSHIP = "朝阳街道";

    private final TownshipPowers powers;
    private final PowerCatalog catalog;
    private final OrganizationManagement organizations;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;

    TownshipDemoData(TownshipPowers powers, PowerCatalog catalog, OrganizationManagement organizations,
                     UserManagement users, JdbcClient jdbc, Clock clock) {
        this.powers = powers;
        this.catalog = catalog;
        this.organizations = organizations;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM township_power WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        Optional<Long> district = users.findByUsername("leader2").map(u -> u.organizationId());
        if (district.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = LocalDate.of(today.getYear(), 1, 1);
        List<PowerCatalog.ListedPower> items = catalog.items(today.getYear());
        town(district.get(), GRANTED_TOWNSHIP).ifPresent(t -> items.stream()
                .filter(p -> p.kind().equals("INSPECTION") || p.kind().equals("PENALTY")).limit(8)
                .forEach(p -> insert(t, p, PowerMode.GRANTED, "东华", "示例市东城区人民政府关于向街道赋予部分安全生产行政执法权的决定",
                        "东城政发〔" + from.getYear() + "〕3号", from, from.plusYears(3).minusDays(1))));
        town(district.get(), ENTRUSTED_TOWNSHIP).ifPresent(t -> items.stream()
                .filter(p -> p.kind().equals("INSPECTION"))
                .forEach(p -> insert(t, p, PowerMode.ENTRUSTED, null, "示例市东城区应急管理局行政执法委托书",
                        "东城应急委〔" + from.getYear() + "〕1号", from, LocalDate.of(from.getYear(), 12, 31))));
    }

    private Optional<OrganizationView> town(long district, String name) {
        return organizations.subtreeIds(district).stream().map(organizations::find).flatMap(Optional::stream)
                .filter(o -> o.kind() == OrganizationKind.TOWNSHIP && o.name().equals(name)).findFirst();
    }

    private void insert(OrganizationView township, PowerCatalog.ListedPower power, PowerMode mode, String shortName,
                        String title, String number, LocalDate from, LocalDate to) {
        powers.insert(new TownshipPowers.NewPower(township.id(), power.id(), power.kind(), power.name(), mode, shortName,
                title, number, from, to, true, clock.instant(), "演示数据"));
    }

    @Override
    public void purge() {
        powers.deleteDemo();
    }
}
