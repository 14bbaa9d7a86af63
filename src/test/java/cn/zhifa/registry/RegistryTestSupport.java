package cn.zhifa.registry;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls as a demo user (the services read the actor from the security context). */
final class RegistryTestSupport {

    private RegistryTestSupport() {
    }

    static void actAs(UserManagement users, String username) {
        UserView user = users.findByUsername(username).orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority())).toList()));
    }

    static void clear() {
        SecurityContextHolder.clearContext();
    }

    static String validUscc(String division, int serial) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String body = "91" + division + "%08dX".formatted(serial);
        for (char c : alphabet.toCharArray()) {
            if (cn.zhifa.law.Uscc.parse(body + c).valid()) {
                return body + c;
            }
        }
        throw new IllegalStateException();
    }

    static EnterpriseForm form(String name, String uscc, String town, SupervisionLevel level) {
        return new EnterpriseForm(name, uscc, "张三", null, "李四", "13800000000", null, null, "示例市测试路1号", null, town,
                "C33", 50, new java.math.BigDecimal("120.5"), EnterpriseStatus.OPERATING, Set.of(RiskFeature.CONFINED_SPACE),
                null, false, level);
    }

    static List<String> names(cn.zhifa.shared.web.Page<EnterpriseSummary> page) {
        return page.items().stream().map(EnterpriseSummary::name).toList();
    }
}
