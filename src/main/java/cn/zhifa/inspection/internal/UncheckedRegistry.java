package cn.zhifa.inspection.internal;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY until the registry module is merged: no enterprise lookup (the task carries the name
 * snapshot) and the certificate check only verifies an enabled OFFICER account. Replaced by the
 * registry's EnterpriseManagement and CertificatePolicy.
 */
@Component
class UncheckedRegistry implements Registry {

    private final UserManagement users;

    UncheckedRegistry(UserManagement users) {
        this.users = users;
    }

    @Override
    public Optional<Enterprise> enterprise(long id) {
        return Optional.empty();
    }

    @Override
    public List<Enterprise> searchEnterprises(String keyword, int limit) {
        return List.of();
    }

    @Override
    public Verdict mayEnforce(long userId, LocalDate on) {
        UserView user;
        try {
            user = users.get(userId);
        } catch (RuntimeException e) {
            return Verdict.refuse("检查人员不存在或不在本单位范围内。");
        }
        return user.enabled() && user.roles().contains(Role.OFFICER) ? Verdict.allow()
                : Verdict.refuse(user.displayName() + "不是在岗执法人员，不能参加执法检查。");
    }
}
