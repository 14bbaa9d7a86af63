package cn.zhifa.organization;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.internal.SecurityPolicies;
import cn.zhifa.shared.security.Actors;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SECURITY_ADMIN's policy: read by login, sessions and password changes; changed with bounds. */
@Service
public class SecurityPolicyManagement {

    private final SecurityPolicies policies;
    private final Clock clock;

    SecurityPolicyManagement(SecurityPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    public SecurityPolicy current() {
        return policies.current();
    }

    @Transactional
    public void change(SecurityPolicy policy) {
        Audit.target("安全策略", 1);
        policy.check().orThrow();
        policies.save(policy, Actors.require().username(), clock.instant());
    }
}
