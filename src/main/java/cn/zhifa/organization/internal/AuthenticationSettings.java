package cn.zhifa.organization.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication rules set by deployment (等保 2.0 level 3, GB/T 22239-2019 §8.1.4.1 身份鉴别): how long a
 * 三员 token lives, password expiry and history, whether a password set by an administrator must be changed,
 * failed-login throttling per client address, and which proxies may name the client address.
 *
 * @param privilegedTokenTtl API token lifetime for ADMIN, SECURITY_ADMIN and AUDITOR (the shorter of this and the policy's)
 * @param password           password expiry, history and forced change
 * @param throttle           failed logins allowed from one client address in a window
 * @param trustedProxies     CIDRs of the reverse proxies whose X-Forwarded-* headers are believed
 * @param internalNetworks   CIDRs counted as the bureau's own network: a login from anywhere else needs the second factor
 * @param secondFactor       the second factor (TOTP with recovery codes)
 */
@ConfigurationProperties("zhifa.security")
public record AuthenticationSettings(@DefaultValue("PT30M") Duration privilegedTokenTtl,
                                     @DefaultValue Password password,
                                     @DefaultValue Throttle throttle,
                                     @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> trustedProxies,
                                     @DefaultValue({"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
                                             "::1/128", "fc00::/7"}) List<String> internalNetworks,
                                     @DefaultValue SecondFactor secondFactor) {

    /**
     * @param expiryDays          days a password stays valid (0: never expires)
     * @param history             how many previous passwords (including the current one) cannot be reused
     * @param changeAdministratorSet whether a password set by an administrator (initial or reset) must be changed at the next login
     * @param exemptDemoAccounts  the demo accounts (only present in demo mode) keep the published demo password:
     *                            no expiry and no forced change
     */
    public record Password(@DefaultValue("90") int expiryDays, @DefaultValue("5") int history,
                           @DefaultValue("true") boolean changeAdministratorSet,
                           @DefaultValue("true") boolean exemptDemoAccounts) {
    }

    /**
     * @param maxFailures failed logins from one client address within the window before it must wait
     * @param window      the sliding window (and the wait)
     */
    public record Throttle(@DefaultValue("20") int maxFailures, @DefaultValue("PT15M") Duration window) {
    }

    /**
     * @param exemptDemoAccounts the demo accounts (only present in demo mode) log in without a second factor, so the
     *                           published demo logins work without a phone
     */
    public record SecondFactor(@DefaultValue("true") boolean exemptDemoAccounts) {
    }
}
