package cn.zhifa.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the first audit checkpoint, which every node starts when it is ready, is written under the daily
 * checkpoint's lock, so several nodes starting on an empty chain do not each write one.
 */
class FirstCheckpointLockTest {

    final AuditLog auditLog = mock(AuditLog.class);
    final Checkpoints checkpoints = mock(Checkpoints.class);

    @Test
    void a_node_that_does_not_get_the_lock_writes_no_first_checkpoint() {
        when(checkpoints.latest()).thenReturn(Optional.empty());
        List<LockConfiguration> asked = new ArrayList<>();
        LockProvider heldByAnotherNode = configuration -> {
            asked.add(configuration);
            return Optional.empty();
        };

        new CheckpointSchedule(auditLog, checkpoints, heldByAnotherNode).firstCheckpoint();

        assertThat(asked).extracting(LockConfiguration::getName).containsExactly("audit-checkpoint");
        verifyNoInteractions(auditLog);
    }

    @Test
    void the_node_holding_the_lock_checks_for_a_checkpoint_and_releases_the_lock() {
        when(checkpoints.latest()).thenReturn(Optional.of(new Checkpoints.Stored(new Checkpoint(java.time.Instant.now(), 1, "0".repeat(64), 1, 0), true)));
        SimpleLock lock = mock(SimpleLock.class);

        new CheckpointSchedule(auditLog, checkpoints, configuration -> Optional.of(lock)).firstCheckpoint();

        verify(checkpoints).latest();
        verify(auditLog, never()).checkpoint();
        verify(lock).unlock();
    }
}
