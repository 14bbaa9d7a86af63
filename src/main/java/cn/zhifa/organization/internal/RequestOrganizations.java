package cn.zhifa.organization.internal;

import cn.zhifa.organization.Organization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The units one HTTP request reads, each read once: the actor's own unit is asked for by the page shell, the data scope
 * and the module that lists or checks, and the same unit's subtree by every counter of a page. Kept in the request's
 * attributes (nothing outlives the request, no other node or request is served from it); outside a request (listeners,
 * sweeps) every call reads the table. Only for reading: a command loads the unit it changes from {@link Organizations}
 * and calls {@link #forget()} after the change, so the rest of the request (and what follows the transaction's end,
 * committed or rolled back) reads the table again.
 */
@Component
public class RequestOrganizations {

    private static final String KEY = RequestOrganizations.class.getName();

    private final Organizations organizations;

    RequestOrganizations(Organizations organizations) {
        this.organizations = organizations;
    }

    /** The unit with this id, read at most once per request. */
    public Optional<Organization> find(long id) {
        Memo memo = memo();
        if (memo == null) {
            return organizations.findById(id);
        }
        return memo.units.computeIfAbsent(id, organizations::findById);
    }

    /** Ids of the unit and every unit below it (empty for an unknown unit), read at most once per request. */
    public List<Long> subtreeIds(long id) {
        Memo memo = memo();
        if (memo == null) {
            return subtreeOf(id);
        }
        return memo.subtrees.computeIfAbsent(id, this::subtreeOf);
    }

    /** The same as a set (the data scope's visible units), built once per request. */
    public Set<Long> subtreeIdSet(long id) {
        Memo memo = memo();
        if (memo == null) {
            return Set.copyOf(subtreeOf(id));
        }
        return memo.subtreeSets.computeIfAbsent(id, unit -> Set.copyOf(subtreeIds(unit)));
    }

    private List<Long> subtreeOf(long id) {
        return find(id).map(unit -> List.copyOf(organizations.findSubtreeIds(unit.getPath()))).orElse(List.of());
    }

    /**
     * Drops what this request has read: called after a unit is created, renamed or moved. Dropped again when the
     * surrounding transaction ends, so a unit re-read within a transaction that then rolls back is not kept.
     */
    public void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        request.removeAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    request.removeAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
                }
            });
        }
    }

    private static Memo memo() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Memo memo = (Memo) request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new Memo();
            request.setAttribute(KEY, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo;
    }

    private static final class Memo {
        final Map<Long, Optional<Organization>> units = new ConcurrentHashMap<>();
        final Map<Long, List<Long>> subtrees = new ConcurrentHashMap<>();
        final Map<Long, Set<Long>> subtreeSets = new ConcurrentHashMap<>();
    }
}
