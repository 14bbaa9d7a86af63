package cn.zhifa.casework;

import cn.zhifa.documents.DemoDocuments;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For another module's demo purge: removes the cases it {@link CaseManagement#propose proposed} for its demo records (e.g.
 * the accident demo's 批复), with their documents, the way casework purges its own demo cases. Only for demo data: a real
 * case is never deleted.
 */
@Service
public class ProposedCaseDemoPurge {

    private final JdbcClient jdbc;
    private final DemoDocuments demoDocuments;

    ProposedCaseDemoPurge(JdbcClient jdbc, DemoDocuments demoDocuments) {
        this.jdbc = jdbc;
        this.demoDocuments = demoDocuments;
    }

    /** Deletes the named cases; returns how many there were. */
    @Transactional
    public int purge(Collection<Long> caseIds) {
        if (caseIds == null || caseIds.isEmpty()) {
            return 0;
        }
        List<Long> ids = List.copyOf(caseIds);
        List<String> numbers = jdbc.sql("SELECT case_number FROM penalty_case WHERE id IN (:ids)").param("ids", ids)
                .query(String.class).list().stream().filter(Objects::nonNull).toList();
        demoDocuments.purge("case", numbers);
        jdbc.sql("UPDATE penalty_case SET linked_case_id = NULL WHERE id IN (:ids) OR linked_case_id IN (:ids)")
                .param("ids", ids).update();
        return jdbc.sql("DELETE FROM penalty_case WHERE id IN (:ids)").param("ids", ids).update();
    }
}
