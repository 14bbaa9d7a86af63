package cn.zhifa.publicity.internal;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 权责清单, one version per year: the administrator keeps each year's list (adds, corrects, removes powers, or
 * starts next year's list as a copy of this one); the public reads the list of the current year.
 */
@Component
public class PowerList {

    private static final String COLUMNS = "id, list_year, kind, name, legal_basis, body, level, demo, version";

    private final JdbcClient jdbc;

    PowerList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The years that have a list, newest first. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return jdbc.sql("SELECT DISTINCT list_year FROM publicity_power ORDER BY list_year DESC").query(Integer.class).list();
    }

    /** The list the public sees in {@code thisYear}: this year's, else the newest earlier one (empty: this year). */
    @Transactional(readOnly = true)
    public int publicYear(int thisYear) {
        return years().stream().filter(y -> y <= thisYear).findFirst().orElse(thisYear);
    }

    /** The powers of a year, by kind in list order then as entered; optionally one kind and a search in name or basis. */
    @Transactional(readOnly = true)
    public Page<Power> page(int year, PowerKind kind, String q, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE list_year = :year");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", year);
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        String like = q == null || q.isBlank() ? null : "%" + q.strip().replace("%", "").replace("_", "") + "%";
        if (like != null) {
            where.append(" AND (name LIKE :like OR legal_basis LIKE :like OR body LIKE :like)");
            params.put("like", like);
        }
        long total = jdbc.sql("SELECT count(*) FROM publicity_power" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Power> items = jdbc.sql("SELECT " + COLUMNS + " FROM publicity_power" + where + " " + """
                         ORDER BY CASE kind WHEN 'PENALTY' THEN 1 WHEN 'INSPECTION' THEN 2 WHEN 'COERCION' THEN 3
                         WHEN 'REWARD' THEN 4 ELSE 5 END, id LIMIT :limit OFFSET :offset""")
                .params(params).query(PowerList::power).list();
        return new Page<>(items, page, size, total);
    }

    /** How many powers of each kind the year's list holds (every kind present, zero when none). */
    @Transactional(readOnly = true)
    public Map<PowerKind, Long> counts(int year) {
        Map<PowerKind, Long> counts = new EnumMap<>(PowerKind.class);
        for (PowerKind k : PowerKind.values()) {
            counts.put(k, 0L);
        }
        jdbc.sql("SELECT kind, count(*) AS n FROM publicity_power WHERE list_year = ? GROUP BY kind").param(year)
                .query((rs, i) -> counts.put(PowerKind.valueOf(rs.getString("kind")), rs.getLong("n"))).list();
        return counts;
    }

    @Transactional(readOnly = true)
    public Optional<Power> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publicity_power WHERE id = ?").param(id).query(PowerList::power).optional();
    }

    @Transactional
    public long add(PowerForm form) {
        PowerForm f = form.checked();
        requireUnique(f, null);
        return jdbc.sql("""
                        INSERT INTO publicity_power (list_year, kind, name, legal_basis, body, level) VALUES (?, ?, ?, ?, ?, ?)
                        RETURNING id""")
                .params(f.year(), f.kind().name(), f.name(), f.legalBasis(), f.body(), f.level()).query(Long.class).single();
    }

    /** Corrects a power; refused when someone else changed it since the form was opened. The year stays. */
    @Transactional
    public void update(long id, PowerForm form) {
        Power existing = find(id).orElseThrow(() -> RuleViolation.notFound("权责清单中没有该事项。"));
        PowerForm f = new PowerForm(existing.year(), form.kind(), form.name(), form.legalBasis(), form.body(), form.level(),
                form.version()).checked();
        requireUnique(f, id);
        int changed = jdbc.sql("""
                        UPDATE publicity_power SET kind = ?, name = ?, legal_basis = ?, body = ?, level = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(f.kind().name(), f.name(), f.legalBasis(), f.body(), f.level(), id,
                        f.version() == null ? existing.version() : f.version()).update();
        if (changed == 0) {
            throw RuleViolation.conflict("该事项已被他人修改，请刷新后重新填写。");
        }
    }

    @Transactional
    public Power delete(long id) {
        Power existing = find(id).orElseThrow(() -> RuleViolation.notFound("权责清单中没有该事项。"));
        jdbc.sql("DELETE FROM publicity_power WHERE id = ?").param(id).update();
        return existing;
    }

    /** Starts the list of {@code to} as a copy of {@code from}'s; refused when {@code to} already has a list. */
    @Transactional
    public int copy(int from, int to) {
        if (to < PowerForm.EARLIEST_YEAR || to > 2100) {
            throw new RuleViolation("请填写正确的新清单年度。");
        }
        if (count(to) > 0) {
            throw new RuleViolation(to + "年度的权责清单已存在，请直接修改。");
        }
        if (count(from) == 0) {
            throw new RuleViolation(from + "年度没有权责清单可复制。");
        }
        return jdbc.sql("""
                        INSERT INTO publicity_power (list_year, kind, name, legal_basis, body, level, demo)
                        SELECT ?, kind, name, legal_basis, body, level, demo FROM publicity_power WHERE list_year = ? ORDER BY id""")
                .params(to, from).update();
    }

    long count(int year) {
        return jdbc.sql("SELECT count(*) FROM publicity_power WHERE list_year = ?").param(year).query(Long.class).single();
    }

    /** Adds a demo power (no check beyond the form's; skipped when the year already has it). */
    void addDemo(int year, PowerKind kind, String name, String basis, String body, String level) {
        jdbc.sql("""
                        INSERT INTO publicity_power (list_year, kind, name, legal_basis, body, level, demo)
                        VALUES (?, ?, ?, ?, ?, ?, TRUE) ON CONFLICT (list_year, kind, name) DO NOTHING""")
                .params(year, kind.name(), name, basis, body, level).update();
    }

    void purgeDemo() {
        jdbc.sql("DELETE FROM publicity_power WHERE demo").update();
    }

    private void requireUnique(PowerForm f, Long except) {
        long same = jdbc.sql("SELECT count(*) FROM publicity_power WHERE list_year = ? AND kind = ? AND name = ? AND id <> ?")
                .params(f.year(), f.kind().name(), f.name(), except == null ? -1L : except).query(Long.class).single();
        if (same > 0) {
            throw new RuleViolation(f.year() + "年度清单中已有同类别的事项“" + f.name() + "”。");
        }
    }

    private static Power power(ResultSet rs, int row) throws SQLException {
        return new Power(rs.getLong("id"), rs.getInt("list_year"), PowerKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("legal_basis"), rs.getString("body"), rs.getString("level"), rs.getBoolean("demo"),
                rs.getInt("version"));
    }
}
