package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.shared.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityPolicyTests {

    private final SecurityPolicy defaults = new SecurityPolicy(8, 3, 5, 15, 30, 480, 0);

    @Test
    void a_password_needs_the_length_and_the_kinds_of_characters_the_policy_sets() {
        assertThat(defaults.checkPassword("Zhifa@2026", "officer1").allowed()).isTrue();
        assertThat(defaults.checkPassword("Zh@1", "officer1").reason()).contains("不能少于 8 位");
        assertThat(defaults.checkPassword("zhifazhifa", "officer1").reason()).contains("至少 3 种");
        assertThat(defaults.checkPassword("Officer1@x", "officer1").reason()).contains("不能包含用户名");
        assertThat(defaults.checkPassword("A1@" + "a".repeat(70), "u").reason()).contains("不能超过 64 位");
    }

    @Test
    void the_policy_cannot_be_set_to_switch_protection_off() {
        assertThat(defaults.check().allowed()).isTrue();
        assertThat(new SecurityPolicy(6, 3, 5, 15, 30, 480, 0).check().refused()).isTrue();
        assertThat(new SecurityPolicy(8, 3, 100, 15, 30, 480, 0).check().reason()).contains("锁定次数");
        assertThat(new SecurityPolicy(8, 3, 5, 15, 0, 480, 0).check().reason()).contains("会话空闲超时");
    }

    @Test
    void an_account_locks_at_the_threshold_and_unlocks_when_the_time_has_passed() {
        Instant now = Instant.parse("2026-03-02T01:00:00Z");
        UserAccount user = UserAccount.create("u1", "用户", "hash", 1, null, Set.of(Role.OFFICER), false, false, now);
        for (int i = 0; i < 4; i++) {
            user.failedLogin(5, Duration.ofMinutes(15), now);
        }
        assertThat(user.isLockedAt(now)).isFalse();
        user.failedLogin(5, Duration.ofMinutes(15), now);
        assertThat(user.isLockedAt(now.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(user.isLockedAt(now.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void system_administration_roles_are_held_alone() {
        assertThat(UserManagement.rolesAllowed(Set.of(Role.OFFICER, Role.LEADER)).allowed()).isTrue();
        assertThat(UserManagement.rolesAllowed(Set.of(Role.AUDITOR)).allowed()).isTrue();
        assertThat(UserManagement.rolesAllowed(Set.of(Role.ADMIN, Role.OFFICER)).reason()).contains("三员分立");
        assertThat(UserManagement.rolesAllowed(Set.of()).reason()).contains("至少选择一个角色");
    }
}
