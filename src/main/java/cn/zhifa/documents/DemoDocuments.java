package cn.zhifa.documents;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removing the documents a module issued for its demo records when the demo is purged. Issued documents are otherwise
 * never deleted: the database refuses a DELETE unless the transaction declared itself a demo purge (a transaction-local
 * setting this class alone sets), and every purge is written to the audit log. Numbers already taken stay taken (the
 * series continues after the highest number, as it would after a void).
 */
@Service
public class DemoDocuments {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DemoDocuments(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Deletes every document (all versions, voids included) of the given demo records of one source type.
     *
     * @return how many documents were deleted
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public int purge(String sourceType, Collection<String> demoSourceIds) {
        if (sourceType == null || sourceType.isBlank() || demoSourceIds == null || demoSourceIds.isEmpty()) {
            return 0;
        }
        List<String> ids = List.copyOf(demoSourceIds);
        jdbc.sql("select set_config('zhifa.documents_demo_purge', 'on', true)").query(String.class).single();
        try {
            jdbc.sql("""
                            delete from doc_void_request where document_id in
                              (select id from doc_issued where source_type = :type and source_id in (:ids))""")
                    .param("type", sourceType).param("ids", ids).update();
            jdbc.sql("""
                            delete from doc_void where document_id in
                              (select id from doc_issued where source_type = :type and source_id in (:ids))""")
                    .param("type", sourceType).param("ids", ids).update();
            jdbc.sql("""
                            delete from doc_signature where document_id in
                              (select id from doc_issued where source_type = :type and source_id in (:ids))""")
                    .param("type", sourceType).param("ids", ids).update();
            int deleted = jdbc.sql("delete from doc_issued where source_type = :type and source_id in (:ids)")
                    .param("type", sourceType).param("ids", ids).update();
            audit.record("清除演示文书", "文书", sourceType, Outcome.SUCCESS,
                    "演示数据清除：删除" + ids.size() + "条演示记录的" + deleted + "份文书");
            return deleted;
        } finally {
            jdbc.sql("select set_config('zhifa.documents_demo_purge', 'off', true)").query(String.class).single();
        }
    }
}
