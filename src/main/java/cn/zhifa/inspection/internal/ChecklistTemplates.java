package cn.zhifa.inspection.internal;

import cn.zhifa.inspection.ChecklistTemplate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ChecklistTemplates extends ListCrudRepository<ChecklistTemplate, Long> {

    @Query("SELECT * FROM checklist_template WHERE code = :code AND current")
    Optional<ChecklistTemplate> findCurrent(String code);

    @Query("SELECT * FROM checklist_template WHERE current ORDER BY industry, code")
    List<ChecklistTemplate> findAllCurrent();

    @Query("SELECT * FROM checklist_template WHERE code = :code ORDER BY version DESC")
    List<ChecklistTemplate> findVersions(String code);
}
