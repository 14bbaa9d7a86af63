package cn.zhifa.inspection;

import cn.zhifa.organization.UserView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A demo user acting while demo data loads (no HTTP request, no login). */
public record DemoActor(long userId, String username, String displayName, long organizationId, Set<Role> roles)
        implements Actor {

    public static DemoActor of(UserView user) {
        return new DemoActor(user.id(), user.username(), user.displayName(), user.organizationId(), user.roles());
    }

    /** Runs {@code work} as this user, restoring the previous security context afterwards. */
    public void run(Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        List<SimpleGrantedAuthority> authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(this, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
