package cn.zhifa.documents.internal;

import cn.zhifa.documents.Authority;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The authorities (文书设置 of a unit or the ancestor it issues under) resolved in the current transaction, so that an
 * issue batch (a record's 现场检查记录 and its orders, all issued in one transaction) and a submission's checks read a
 * unit's settings once (issue 18). Nothing outlives the transaction: the next issue, on this node or any other, reads
 * the settings again, so a change takes effect for it; saving settings forgets what this transaction resolved. Outside
 * a transaction nothing is kept.
 */
public final class AuthoritiesInTransaction {

    private static final Object KEY = AuthoritiesInTransaction.class;

    private AuthoritiesInTransaction() {
    }

    public static Optional<Authority> resolve(long organizationId, LongFunction<Optional<Authority>> resolver) {
        Map<Long, Optional<Authority>> resolved = current();
        if (resolved == null) {
            return resolver.apply(organizationId);
        }
        Optional<Authority> known = resolved.get(organizationId);
        if (known == null) {
            known = resolver.apply(organizationId);
            resolved.put(organizationId, known);
        }
        return known;
    }

    /** Forgets what this transaction resolved (its settings were just saved). */
    public static void forget() {
        Map<Long, Optional<Authority>> resolved = current();
        if (resolved != null) {
            resolved.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Optional<Authority>> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Long, Optional<Authority>> resolved = (Map<Long, Optional<Authority>>) TransactionSynchronizationManager.getResource(KEY);
        if (resolved == null) {
            Map<Long, Optional<Authority>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                    TransactionSynchronizationManager.bindResource(KEY, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            resolved = fresh;
        }
        return resolved;
    }
}
