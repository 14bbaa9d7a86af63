package cn.zhifa.planning.internal;

import cn.zhifa.planning.RandomDraw;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Collection;
import java.util.List;

public interface Draws extends ListCrudRepository<RandomDraw, Long> {

    @Query("SELECT nextval('planning_draw_id_seq')")
    long nextId();

    @Query("SELECT * FROM planning_draw WHERE organization_id IN (:orgs) ORDER BY id DESC")
    List<RandomDraw> findByOrganizations(Collection<Long> orgs);

    @Query("SELECT * FROM planning_draw WHERE seed IS NOT NULL ORDER BY month DESC, id DESC")
    List<RandomDraw> findPublished();

    @Query("SELECT count(*) FROM planning_draw WHERE organization_id = :org AND month = :month AND item_code = :item AND status <> 'VOIDED'")
    long countLive(long org, String month, String item);
}
