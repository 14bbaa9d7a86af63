package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerStatistics;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's added figures against their sources: each unit's 执法参与率 equals the registry's statistics of its
 * subtree, and the map carries exactly the year's submitted inspection records that have a GPS position.
 */
@ZhifaIntegrationTest
class DashboardFiguresTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired UserManagement users;
    @Autowired OrganizationManagement organizations;
    @Autowired OfficerManagement officers;

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void participation_per_unit_equals_the_registry_and_the_map_holds_every_located_inspection() throws Exception {
        int year = LocalDate.now(clock).getYear();
        MockHttpSession supervisor = (MockHttpSession) mvc.perform(formLogin().user("supervisor1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/supervision").param("year", String.valueOf(year)).session(supervisor)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        actAs("supervisor1");
        var tree = organizations.visibleTree();
        for (var unit : tree) {
            OfficerStatistics stats = officers.statistics(year, LocalDate.now(clock), organizations.subtreeIds(unit.id()));
            assertThat(page).contains("/registry/officers?org=" + unit.id())
                    .contains(stats.participationRatePercent() + "%（" + stats.participating() + "/" + stats.certified() + "）");
        }
        assertThat(page).contains("publicity-rate").contains("公示及时率");

        java.sql.Timestamp from = java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        long located = jdbc.sql("SELECT count(*) FROM inspection_record WHERE status = 'SUBMITTED' AND latitude IS NOT NULL "
                        + "AND longitude IS NOT NULL AND started_at >= ? AND started_at < ?").param(from).param(to)
                .query(Long.class).single();
        assertThat(page).contains("本年度有定位的检查 " + Math.min(located, 2000) + " 家次");
        if (located > 0) {
            Matcher points = Pattern.compile("data-points=\"([^\"]*)\"").matcher(page);
            assertThat(points.find()).isTrue();
            String data = points.group(1).replace("&quot;", "\"");
            assertThat(data.split("\\],\\[").length).isEqualTo((int) Math.min(located, 2000));
        } else {
            assertThat(page).contains("no-points");
        }
    }

    private void actAs(String username) {
        UserView user = users.findByUsername(username).orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
