package cn.zhifa.organization.internal;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.web.DisplayNames;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Users' names for their login names, and units' names as audit targets. */
@Component
class PersonNames implements DisplayNames {

    private final UserManagement users;
    private final Organizations organizations;

    PersonNames(UserManagement users, Organizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    @Override
    public Optional<String> person(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username).map(UserView::displayName);
    }

    @Override
    public Optional<String> target(String targetType, String targetId) {
        Long id = number(targetId);
        if (id == null) {
            return Optional.empty();
        }
        return switch (targetType) {
            case "组织机构" -> organizations.findById(id).map(o -> o.getName());
            default -> Optional.empty();
        };
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
