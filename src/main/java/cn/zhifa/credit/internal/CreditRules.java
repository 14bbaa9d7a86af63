package cn.zhifa.credit.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The rows of every version of the credit-grade rule table. */
@Repository
public class CreditRules {

    static final RowMapper<CreditRule> RULE = (rs, i) -> new CreditRule(rs.getLong("id"),
            rs.getDate("effective_from").toLocalDate(), rs.getInt("priority"), rs.getString("name"), rs.getString("grade"),
            rs.getInt("lookback_months"), (Boolean) rs.getObject("listed"), (Integer) rs.getObject("min_accidents"),
            (Integer) rs.getObject("min_penalties"), rs.getBigDecimal("min_fine_yuan"),
            (Integer) rs.getObject("min_major_hazards"), (Integer) rs.getObject("min_overdue_major_hazards"));

    private final JdbcClient jdbc;

    CreditRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CreditRule> all() {
        return jdbc.sql("SELECT * FROM credit_rule ORDER BY effective_from, priority, id").query(RULE).list();
    }

    public Optional<CreditRule> find(long id) {
        return jdbc.sql("SELECT * FROM credit_rule WHERE id = ?").param(id).query(RULE).optional();
    }

    public long add(CreditRule r) {
        return jdbc.sql("""
                INSERT INTO credit_rule (effective_from, priority, name, grade, lookback_months, listed, min_accidents,
                  min_penalties, min_fine_yuan, min_major_hazards, min_overdue_major_hazards)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(r.effectiveFrom(), r.priority(), r.name(), r.grade(), r.lookbackMonths(), r.listed(), r.minAccidents(),
                        r.minPenalties(), r.minFineYuan(), r.minMajorHazards(), r.minOverdueMajorHazards())
                .query(Long.class).single();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM credit_rule WHERE id = ?").param(id).update();
    }

    public int copyVersion(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                INSERT INTO credit_rule (effective_from, priority, name, grade, lookback_months, listed, min_accidents,
                  min_penalties, min_fine_yuan, min_major_hazards, min_overdue_major_hazards)
                SELECT ?, priority, name, grade, lookback_months, listed, min_accidents, min_penalties, min_fine_yuan,
                  min_major_hazards, min_overdue_major_hazards FROM credit_rule WHERE effective_from = ?""")
                .params(to, from).update();
    }
}
