package cn.zhifa.inspection.internal;

import cn.zhifa.inspection.InspectionRecord;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface InspectionRecords extends ListCrudRepository<InspectionRecord, Long> {

    @Query("SELECT * FROM inspection_record WHERE task_id = :taskId ORDER BY id")
    List<InspectionRecord> findByTaskId(long taskId);
}
