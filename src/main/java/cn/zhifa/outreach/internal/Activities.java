package cn.zhifa.outreach.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 普法 activities (table {@code outreach_activity}): an officer records what was held, when, where, by which unit and
 * how many units and people it reached; the unit's subtree reads them, filtered, paged and as a workbook.
 */
@Service
public class Activities {

    /** What the form and the API hand over; nulls are reported by {@link #record} in Chinese. */
    public record RecordActivity(ActivityKind kind, String title, LocalDate heldOn, String place, String organizer,
                                 Integer unitsReached, Integer peopleReached, String note) {
    }

    /** List filters; null means any. */
    public record Filter(ActivityKind kind, Integer year, String keyword) {
    }

    public record ActivityView(long id, long organizationId, String unitName, ActivityKind kind, String title,
                               LocalDate heldOn, String place, String organizer, int unitsReached, int peopleReached,
                               String note) {
    }

    static final int MOST_REACHED = 10_000_000;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final Clock clock;

    Activities(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Records an activity of the caller's unit after checking every field; nothing is stored when one is wrong. */
    @Transactional
    public long record(RecordActivity c) {
        OutreachChecks.activity(c, today());
        long org = Actors.require().organizationId();
        long id = insert(org, c, Actors.require().userId(), false);
        Audit.target("普法活动", id);
        Audit.detail(c.kind().label() + "：" + c.title().strip() + "，" + c.heldOn() + "，受众 " + c.peopleReached());
        return id;
    }

    long insert(long org, RecordActivity c, long by, boolean demo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outreach_activity (organization_id, kind, title, held_on, place, organizer, units_reached,
                            people_reached, note, recorded_by, demo)
                        VALUES (:org, :kind, :title, :heldOn, :place, :organizer, :units, :people, :note, :by, :demo)""")
                .param("org", org).param("kind", c.kind().name()).param("title", c.title().strip())
                .param("heldOn", c.heldOn()).param("place", c.place().strip()).param("organizer", c.organizer().strip())
                .param("units", c.unitsReached() == null ? 0 : c.unitsReached()).param("people", c.peopleReached())
                .param("note", OutreachChecks.blankToNull(c.note())).param("by", by).param("demo", demo)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The activities of the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public Page<ActivityView> search(Filter filter, int page, int size) {
        Collection<Long> orgs = scope.visibleOrganizationIds();
        StringBuilder where = new StringBuilder(" WHERE organization_id IN (:orgs)");
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", orgs);
        if (filter.kind() != null) {
            where.append(" AND kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.year() != null) {
            where.append(" AND held_on BETWEEN :from AND :to");
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            where.append(" AND (title LIKE :kw OR place LIKE :kw OR organizer LIKE :kw)");
            params.put("kw", "%" + OutreachChecks.likeEscaped(filter.keyword().strip()) + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM outreach_activity" + where).params(params).query(Long.class).single();
        List<ActivityView> items = jdbc.sql("SELECT * FROM outreach_activity" + where
                        + " ORDER BY held_on DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(this::map).list();
        return new Page<>(items, page, size, total);
    }

    /** Every activity of the filter, for the workbook. */
    @Transactional(readOnly = true)
    public List<ActivityView> all(Filter filter) {
        return search(filter, 0, 10_000).items();
    }

    /** Per kind over the units and year: [activities, people reached, units reached]. */
    @Transactional(readOnly = true)
    public Map<ActivityKind, long[]> totals(int year, Collection<Long> orgs) {
        Map<ActivityKind, long[]> totals = new java.util.EnumMap<>(ActivityKind.class);
        if (orgs.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        SELECT kind, count(*), coalesce(sum(people_reached), 0), coalesce(sum(units_reached), 0)
                        FROM outreach_activity WHERE organization_id IN (:orgs) AND held_on BETWEEN :from AND :to GROUP BY kind""")
                .param("orgs", orgs).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> totals.put(ActivityKind.valueOf(rs.getString(1)),
                        new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                .list();
        return totals;
    }

    public String ownUnitName() {
        return organizations.find(Actors.require().organizationId()).map(OrganizationView::name).orElse("");
    }

    void purgeDemo() {
        jdbc.sql("DELETE FROM outreach_activity WHERE demo").update();
    }

    private ActivityView map(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organization_id");
        return new ActivityView(rs.getLong("id"), org, organizations.find(org).map(OrganizationView::name).orElse(""),
                ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getObject("held_on", LocalDate.class),
                rs.getString("place"), rs.getString("organizer"), rs.getInt("units_reached"), rs.getInt("people_reached"),
                rs.getString("note"));
    }
}
