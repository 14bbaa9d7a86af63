package cn.zhifa.organization;

import cn.zhifa.organization.internal.RequestOrganizations;
import cn.zhifa.organization.internal.UserAccounts;
import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.OwnWork;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which objects a user may touch: the records of their own organisation's
 * subtree. Lists filter with {@link #visibleOrganizationIds()}; single reads and every id a command
 * names (the firm, the case, the officers of a team ...) call {@link #require(long)} with the owning
 * unit, or {@link #requireUsers(Collection)} for people. Refusals are HTTP 403 and audited as refused.
 */
@Component
public class DataScope {

    /** The refusal shown when a record lies outside the user's subtree. */
    public static final String OUT_OF_SCOPE = "无权访问本单位及下级单位以外的数据。";

    /** The refusal when a command names a person of a unit outside the user's subtree. */
    public static final String USER_OUT_OF_SCOPE = "只能选择本单位及下级单位的人员。";

    private final RequestOrganizations organizations;
    private final UserAccounts users;
    private final List<OwnWork> ownWork;

    DataScope(RequestOrganizations organizations, UserAccounts users, List<OwnWork> ownWork) {
        this.organizations = organizations;
        this.users = users;
        this.ownWork = ownWork;
    }

    /**
     * Ids of the organisations whose records the current user may see. Read once per HTTP request (a page's panels and
     * counters each ask: the workbench asked 7 times, two queries each), kept with the request under the actor's unit,
     * so a change of actor within the request is never served another unit's subtree ({@link RequestOrganizations}).
     */
    public Set<Long> visibleOrganizationIds() {
        return organizations.subtreeIdSet(Actors.require().organizationId());
    }

    /** Ids of an organisation and all units below it (read once per request and unit). */
    public List<Long> subtreeIds(long organizationId) {
        return organizations.subtreeIds(organizationId);
    }

    public boolean canSee(long organizationId) {
        Actor actor = Actors.require();
        if (actor.organizationId() == organizationId) {
            return true;
        }
        return organizations.find(actor.organizationId())
                .flatMap(own -> organizations.find(organizationId).map(own::isAncestorOf))
                .orElse(false);
    }

    /** Refuses (HTTP 403) access to a record of an organisation outside the user's subtree. */
    public void require(long organizationId) {
        if (!canSee(organizationId)) {
            throw new AccessDeniedException(OUT_OF_SCOPE);
        }
    }

    /**
     * Refuses (HTTP 403) reading a firm outside the user's subtree unless it is part of their own work
     * (a task, record, hazard or case of theirs: {@link OwnWork}).
     */
    public void requireFirm(long enterpriseId, long firmOrganizationId) {
        if (canSee(firmOrganizationId)) {
            return;
        }
        long userId = Actors.require().userId();
        if (ownWork.stream().noneMatch(work -> work.concernsFirm(userId, enterpriseId))) {
            throw new AccessDeniedException(OUT_OF_SCOPE);
        }
    }

    /** Refuses (HTTP 403) a command that names a user (an officer of a team, a second handler) outside the subtree. */
    public void requireUsers(Collection<Long> userIds) {
        for (Long userId : userIds) {
            if (userId == null) {
                continue;
            }
            UserAccount user = users.findById(userId).orElse(null);
            if (user != null && !canSee(user.getOrganizationId())) {
                throw new AccessDeniedException(USER_OUT_OF_SCOPE);
            }
        }
    }
}
