package cn.zhifa.documents.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gap-free serials per authority (organisation + 机关简称), 代字 and year. {@link #next} must run in the transaction
 * that stores the document: the counter row stays locked until it commits, and a rollback returns the number.
 */
@Repository
public class NumberSeries {

    private final JdbcClient jdbc;

    public NumberSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int next(long organizationId, String shortName, String prefix, int year) {
        var taken = increment(organizationId, shortName, prefix, year);
        if (taken != null) return taken;
        // first number of the series: create the row (a concurrent creator wins, we then wait on its row lock)
        jdbc.sql("""
                insert into doc_number_counter (organization_id, short_name, prefix, year, last_serial)
                values (:o, :s, :p, :y, 0) on conflict do nothing""")
                .param("o", organizationId).param("s", shortName).param("p", prefix).param("y", year).update();
        taken = increment(organizationId, shortName, prefix, year);
        if (taken == null) throw new IllegalStateException("文号计数器无法创建");
        return taken;
    }

    /** The last serial used, 0 when none (for display). */
    public int last(long organizationId, String shortName, String prefix, int year) {
        return jdbc.sql("select last_serial from doc_number_counter where organization_id = :o and short_name = :s and prefix = :p and year = :y")
                .param("o", organizationId).param("s", shortName).param("p", prefix).param("y", year)
                .query(Integer.class).optional().orElse(0);
    }

    private Integer increment(long o, String s, String p, int y) {
        return jdbc.sql("""
                update doc_number_counter set last_serial = last_serial + 1
                 where organization_id = :o and short_name = :s and prefix = :p and year = :y
                returning last_serial""")
                .param("o", o).param("s", s).param("p", p).param("y", y)
                .query(Integer.class).optional().orElse(null);
    }
}
