package cn.zhifa.organization.internal;

import cn.zhifa.organization.SecurityPolicy;
import cn.zhifa.organization.UserAccount;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for login and counts failures: at the policy's threshold the account locks for the
 * policy's minutes (both for form login and API tokens, which share the authentication manager).
 */
@Component
public class Logins implements UserDetailsService {

    private final UserAccounts users;
    private final SecurityPolicies policies;
    private final LoginRecorder recorder;
    private final AuthenticationSettings settings;
    private final LoginThrottle throttle;
    private final SecondFactors secondFactors;
    private final Clock clock;

    Logins(UserAccounts users, SecurityPolicies policies, LoginRecorder recorder, AuthenticationSettings settings,
           LoginThrottle throttle, SecondFactors secondFactors, Clock clock) {
        this.secondFactors = secondFactors;
        this.users = users;
        this.policies = policies;
        this.recorder = recorder;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new ZhifaUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getOrganizationId(),
                user.roleSet(), user.getPasswordHash(), user.isEnabled(), !user.isLockedAt(clock.instant()),
                user.mustChangePasswordAt(clock.instant(), settings.password().expiryDays(),
                        settings.password().exemptDemoAccounts()));
    }

    public SecurityPolicy policy() {
        return policies.current();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failedFromCurrentRequest();
        recorder.failed(String.valueOf(event.getAuthentication().getName()));
    }

    /** A right password clears the failures only when no second factor follows; otherwise a right code does. */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
                && event.getAuthentication().getPrincipal() instanceof ZhifaUser user
                && !secondFactors.required(user, currentAddress())) {
            recorder.succeeded(user.username());
        }
    }

    /** Whether this login (by the request being served) must show the second factor after the password. */
    public boolean secondFactorRequired(ZhifaUser user) {
        return secondFactors.required(user, currentAddress());
    }

    /**
     * Checks the second factor: a right code clears the failures like a right password; a wrong one counts towards
     * the account's lockout and the address's throttle. Returns whether the code was right.
     */
    public boolean checkSecondFactor(ZhifaUser user, String code) {
        if (secondFactors.verify(user.userId(), code)) {
            recorder.succeeded(user.username());
            return true;
        }
        throttle.failedFromCurrentRequest();
        recorder.failed(user.username());
        return false;
    }

    /** Whether the account is locked now (after too many wrong passwords or codes). */
    public boolean locked(String username) {
        return users.findByUsername(username).map(user -> user.isLockedAt(clock.instant())).orElse(true);
    }

    private static String currentAddress() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                ? LoginThrottle.address(attributes.getRequest()) : null;
    }

    /** Writes login outcomes in their own transaction so a failed login still counts. */
    @Component
    static class LoginRecorder {

        private final UserAccounts users;
        private final SecurityPolicies policies;
        private final Clock clock;

        LoginRecorder(UserAccounts users, SecurityPolicies policies, Clock clock) {
            this.users = users;
            this.policies = policies;
            this.clock = clock;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void failed(String username) {
            users.findByUsername(username).ifPresent(user -> {
                SecurityPolicy policy = policies.current();
                user.failedLogin(policy.lockoutThreshold(), policy.lockoutDuration(), clock.instant());
                users.save(user);
            });
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void succeeded(String username) {
            users.findByUsername(username).filter(user -> user.getFailedAttempts() > 0 || user.getLockedUntil() != null)
                    .ifPresent(user -> {
                        user.succeededLogin();
                        users.save(user);
                    });
        }
    }
}
