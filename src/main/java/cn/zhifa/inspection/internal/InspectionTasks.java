package cn.zhifa.inspection.internal;

import cn.zhifa.inspection.InspectionTask;
import org.springframework.data.repository.ListCrudRepository;

public interface InspectionTasks extends ListCrudRepository<InspectionTask, Long> {
}
