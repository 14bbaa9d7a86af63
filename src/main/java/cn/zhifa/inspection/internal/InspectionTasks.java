package cn.zhifa.inspection.internal;

import cn.zhifa.inspection.InspectionTask;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface InspectionTasks extends ListCrudRepository<InspectionTask, Long> {

    /**
     * Writes only a task's status, under its version (issue 18: saving the aggregate rewrote the task and deleted and
     * re-inserted its team when a submission only moved it to 已完成). Returns the rows changed: 0 when the task was
     * changed meanwhile.
     */
    @Modifying
    @Query("UPDATE inspection_task SET status = :status, version = version + 1 WHERE id = :id AND version = :version")
    int updateStatus(long id, String status, int version);
}
