package cn.zhifa.shared.security;

import org.springframework.stereotype.Component;

/**
 * The permission table for code and pages: {@code th:if="${@permissions.may('REGISTER_HAZARD')}"}
 * offers a button only to the roles that {@link Action} allows.
 */
@Component("permissions")
public class Permissions {

    public boolean may(String action) {
        return may(Action.valueOf(action));
    }

    public boolean may(Action action) {
        return action.allows(Actors.current().orElse(null));
    }

    /** Refuses (403) the current user an action of the table. */
    public static void require(Action action) {
        if (!action.allows(Actors.current().orElse(null))) {
            throw new ActionDenied(action);
        }
    }
}
