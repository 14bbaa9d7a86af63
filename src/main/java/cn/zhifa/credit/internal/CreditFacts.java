package cn.zhifa.credit.internal;

import cn.zhifa.registry.EnterpriseManagement;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The credit facts; a fact reported twice (same kind and source) is stored once. */
@Repository
public class CreditFacts {

    private static final RowMapper<CreditFact> FACT = (rs, i) -> new CreditFact(rs.getLong("enterprise_id"),
            CreditFact.Kind.valueOf(rs.getString("kind")), rs.getString("source_ref"), rs.getDate("occurred_on").toLocalDate(),
            rs.getBigDecimal("fine_yuan"), rs.getString("accident_grade"), rs.getString("title"));

    private final JdbcClient jdbc;
    private final EnterpriseManagement enterprises;

    CreditFacts(JdbcClient jdbc, EnterpriseManagement enterprises) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
    }

    /**
     * Records the fact unless it is already known; true when it was new. The row carries the firm's organisation id
     * (issue 18: the key the table would be distributed by); a fact about a firm the registry does not know is not kept.
     */
    public boolean record(CreditFact fact, boolean demo) {
        Long organizationId = enterprises.find(fact.enterpriseId()).map(e -> e.organizationId()).orElse(null);
        if (organizationId == null) {
            return false;
        }
        return jdbc.sql("""
                INSERT INTO credit_fact (enterprise_id, kind, source_ref, occurred_on, fine_yuan, accident_grade, title, demo,
                    organization_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, source_ref) DO NOTHING""")
                .params(fact.enterpriseId(), fact.kind().name(), fact.sourceRef(), fact.occurredOn(), fact.fineYuan(),
                        fact.accidentGrade(), fact.title(), demo, organizationId).update() == 1;
    }

    public List<CreditFact> of(long enterpriseId) {
        return jdbc.sql("SELECT * FROM credit_fact WHERE enterprise_id = ? ORDER BY occurred_on, id").param(enterpriseId)
                .query(FACT).list();
    }

    /** The facts of many firms in one query. */
    public Map<Long, List<CreditFact>> of(Collection<Long> enterpriseIds) {
        Map<Long, List<CreditFact>> byFirm = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return byFirm;
        }
        jdbc.sql("SELECT * FROM credit_fact WHERE enterprise_id = ANY(?) ORDER BY occurred_on, id")
                .param(enterpriseIds.toArray(Long[]::new)).query(FACT).list()
                .forEach(f -> byFirm.computeIfAbsent(f.enterpriseId(), k -> new java.util.ArrayList<>()).add(f));
        return byFirm;
    }
}
