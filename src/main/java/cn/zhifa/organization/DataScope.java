package cn.zhifa.organization;

import cn.zhifa.organization.internal.Organizations;
import org.springframework.security.access.AccessDeniedException;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what a user may see: the records of their own organisation's subtree.
 * Lists filter with {@link #visibleOrganizationIds()}; single reads call {@link #require(long)}.
 */
@Component
public class DataScope {

    /** The refusal shown when a record lies outside the user's subtree. */
    public static final String OUT_OF_SCOPE = "无权访问本单位及下级单位以外的数据。";

    private final Organizations organizations;

    DataScope(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Ids of the organisations whose records the current user may see. */
    public Set<Long> visibleOrganizationIds() {
        return Set.copyOf(subtreeIds(Actors.require().organizationId()));
    }

    /** Ids of an organisation and all units below it. */
    public List<Long> subtreeIds(long organizationId) {
        return organizations.findById(organizationId)
                .map(org -> organizations.findSubtreeIds(org.getPath()))
                .orElse(List.of());
    }

    public boolean canSee(long organizationId) {
        Actor actor = Actors.require();
        if (actor.organizationId() == organizationId) {
            return true;
        }
        return organizations.findById(actor.organizationId())
                .flatMap(own -> organizations.findById(organizationId).map(own::isAncestorOf))
                .orElse(false);
    }

    /** Refuses (HTTP 403) access to a record of an organisation outside the user's subtree. */
    public void require(long organizationId) {
        if (!canSee(organizationId)) {
            throw new AccessDeniedException(OUT_OF_SCOPE);
        }
    }
}
