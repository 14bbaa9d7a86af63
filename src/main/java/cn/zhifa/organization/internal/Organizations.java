package cn.zhifa.organization.internal;

import cn.zhifa.organization.Organization;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Organizations extends ListCrudRepository<Organization, Long> {

    @Query("SELECT nextval('organization_id_seq')")
    long nextId();

    @Query("SELECT * FROM organization WHERE path LIKE :pathPrefix || '%' ORDER BY path")
    List<Organization> findSubtree(String pathPrefix);

    @Query("SELECT id FROM organization WHERE path LIKE :pathPrefix || '%'")
    List<Long> findSubtreeIds(String pathPrefix);

    Optional<Organization> findByParentIdAndName(Long parentId, String name);

    @Query("SELECT * FROM organization WHERE parent_id IS NULL AND name = :name")
    Optional<Organization> findRootByName(String name);

    @Modifying
    @Query("UPDATE organization SET path = :newPrefix || substring(path from char_length(:oldPrefix) + 1), version = version + 1 "
            + "WHERE path LIKE :oldPrefix || '%' AND path <> :oldPrefix")
    int rewriteDescendantPaths(String oldPrefix, String newPrefix);

    @Query("SELECT count(*) FROM organization WHERE parent_id = :id")
    long countChildren(long id);
}
