package cn.zhifa.planning.internal;

import cn.zhifa.planning.InspectionPlan;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

public interface Plans extends ListCrudRepository<InspectionPlan, Long> {

    @Query("SELECT nextval('planning_plan_id_seq')")
    long nextId();

    Optional<InspectionPlan> findByOrganizationIdAndYear(long organizationId, int year);

    @Query("SELECT * FROM planning_plan WHERE organization_id IN (:orgs) ORDER BY year DESC, organization_id")
    List<InspectionPlan> findByOrganizations(java.util.Collection<Long> orgs);

    @Query("SELECT count(*) FROM planning_plan WHERE organization_id IN (:orgs) AND status = 'DELIBERATED'")
    long countAwaitingApproval(java.util.Collection<Long> orgs);
}
