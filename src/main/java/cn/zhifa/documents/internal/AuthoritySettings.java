package cn.zhifa.documents.internal;

import cn.zhifa.documents.Authority;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The authorities' document settings (机关简称, bodies named in notices, 代字 and wording overrides). */
@Repository
public class AuthoritySettings {

    private final JdbcClient jdbc;

    public AuthoritySettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings saved for exactly this organisation, with its overrides, in one statement. */
    public Optional<Authority> find(long organizationId) {
        return Optional.ofNullable(find(List.of(organizationId)).get(organizationId));
    }

    /**
     * The settings saved for each of these organisations (absent: none saved), with their overrides, in one statement:
     * a unit and the units above it, of which the nearest with settings is the one it issues under (issue 18: one
     * statement per level walked up).
     */
    public Map<Long, Authority> find(Collection<Long> organizationIds) {
        Map<Long, Authority> found = new LinkedHashMap<>();
        Map<Long, Map<String, String>> prefixes = new HashMap<>(), wording = new HashMap<>();
        jdbc.sql("""
                select a.organization_id, a.name, a.short_name, a.government, a.review_body, a.court, a.address, a.postcode,
                       a.contact, a.phone, a.payment_office, a.payment_account, o.override_type, o.override_key, o.text
                  from doc_authority a
                  left join doc_authority_override o on o.organization_id = a.organization_id
                 where a.organization_id in (:o)
                 order by a.organization_id, o.override_key""")
                .param("o", organizationIds)
                .query(rs -> {
                    long unit = rs.getLong(1);
                    if (rs.getString(13) != null) {
                        ("PREFIX".equals(rs.getString(13)) ? prefixes : wording)
                                .computeIfAbsent(unit, u -> new LinkedHashMap<>()).put(rs.getString(14), rs.getString(15));
                    }
                    if (!found.containsKey(unit)) {
                        found.put(unit, new Authority(unit, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11), rs.getString(12), null, null));
                    }
                });
        found.replaceAll((unit, a) -> new Authority(a.organizationId(), a.name(), a.shortName(), a.government(),
                a.reviewBody(), a.court(), a.address(), a.postcode(), a.contact(), a.phone(), a.paymentOffice(),
                a.paymentAccount(), prefixes.getOrDefault(unit, new LinkedHashMap<>()),
                wording.getOrDefault(unit, new LinkedHashMap<>())));
        return found;
    }

    /** Replaces an authority's settings and overrides (caller validates and holds the transaction). */
    public void save(Authority a, Instant at, String by) {
        int updated = jdbc.sql("""
                update doc_authority set name = :name, short_name = :short, government = :gov, review_body = :review,
                       court = :court, address = :addr, postcode = :post, contact = :contact, phone = :phone,
                       payment_office = :payOffice, payment_account = :payAccount, version = version + 1,
                       updated_at = :at, updated_by = :by
                 where organization_id = :o""")
                .params(params(a, at, by)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into doc_authority (organization_id, name, short_name, government, review_body, court, address,
                           postcode, contact, phone, payment_office, payment_account, updated_at, updated_by)
                    values (:o, :name, :short, :gov, :review, :court, :addr, :post, :contact, :phone, :payOffice,
                           :payAccount, :at, :by)""")
                    .params(params(a, at, by)).update();
        }
        jdbc.sql("delete from doc_authority_override where organization_id = :o").param("o", a.organizationId()).update();
        a.prefixOverrides().forEach((k, v) -> override(a.organizationId(), "PREFIX", k, v));
        a.wordingOverrides().forEach((k, v) -> override(a.organizationId(), "WORDING", k, v));
    }

    private void override(long org, String type, String key, String text) {
        jdbc.sql("insert into doc_authority_override (organization_id, override_type, override_key, text) values (:o, :t, :k, :x)")
                .param("o", org).param("t", type).param("k", key).param("x", text).update();
    }

    private static Map<String, Object> params(Authority a, Instant at, String by) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("o", a.organizationId());
        p.put("name", a.name());
        p.put("short", a.shortName());
        p.put("gov", a.government());
        p.put("review", a.reviewBody());
        p.put("court", a.court());
        p.put("addr", a.address());
        p.put("post", a.postcode());
        p.put("contact", a.contact());
        p.put("phone", a.phone());
        p.put("payOffice", a.paymentOffice());
        p.put("payAccount", a.paymentAccount());
        p.put("at", java.sql.Timestamp.from(at));
        p.put("by", by);
        return p;
    }
}
