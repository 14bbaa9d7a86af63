package cn.zhifa.hazard.internal;

import cn.zhifa.hazard.Hazard;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Hazards extends ListCrudRepository<Hazard, Long> {

    @Query("SELECT count(*) FROM hazard WHERE origin_record_id = :origin AND item_code = :itemCode")
    long countByOriginAndItem(long origin, String itemCode);

    @Query("SELECT * FROM hazard WHERE record_id = :recordId ORDER BY id")
    List<Hazard> findByRecordId(long recordId);
}
