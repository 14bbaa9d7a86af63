package cn.zhifa.registry.internal;

import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.IndustryCatalog;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import cn.zhifa.registry.internal.Enterprise.FieldChange;
import cn.zhifa.shared.crypto.FieldCipher;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores {@link Enterprise} rows. Hand-written on JdbcClient rather than Spring Data JDBC because the row
 * carries PostgreSQL arrays (risk features, search tokens) and imports write thousands of rows in JDBC batches.
 * Updates check the version (optimistic locking).
 */
@Repository
public class Enterprises {

    /** Personal data sealed at rest (issue 14, {@link FieldCipher}); see {@code RegistryPersonalData}. */
    static final String LEGAL_REPRESENTATIVE_ID = "legal_representative_id";
    static final String PRINCIPAL_PHONE = "principal_phone";
    static final String SAFETY_PHONE = "safety_phone";
    static final String LEGAL_REPRESENTATIVE_PHONE = "legal_representative_phone";

    private static final String COLUMNS = "id, uscc, name, legal_representative, legal_representative_id, principal_leader, "
            + "principal_phone, safety_manager, safety_phone, registered_address, operating_address, town_code, "
            + "industry_division, employees, annual_output, status, risk_features, major_hazard_grade, whitelisted, "
            + "supervision_level, organization_id, merged_into, demo, version, created_at, updated_at, "
            + "legal_representative_title, legal_representative_phone";
    private static final String INSERT = "INSERT INTO enterprise (uscc, name, name_key, name_initials, search_grams, "
            + "legal_representative, legal_representative_id, principal_leader, principal_phone, safety_manager, safety_phone, "
            + "registered_address, operating_address, town_code, industry_section, industry_division, employees, annual_output, "
            + "status, risk_features, major_hazard_grade, whitelisted, supervision_level, organization_id, demo, created_at, updated_at, "
            + "legal_representative_title, legal_representative_phone) "
            + "VALUES (?, ?, ?, ?, CAST(? AS VARCHAR(8)[]), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS VARCHAR(32)[]), ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE enterprise SET name = ?, name_key = ?, name_initials = ?, "
            + "search_grams = CAST(? AS VARCHAR(8)[]), legal_representative = ?, legal_representative_id = ?, principal_leader = ?, "
            + "principal_phone = ?, safety_manager = ?, safety_phone = ?, registered_address = ?, operating_address = ?, "
            + "town_code = ?, industry_section = ?, industry_division = ?, employees = ?, annual_output = ?, status = ?, "
            + "risk_features = CAST(? AS VARCHAR(32)[]), major_hazard_grade = ?, whitelisted = ?, supervision_level = ?, "
            + "organization_id = ?, merged_into = ?, legal_representative_title = ?, legal_representative_phone = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";

    private final RowMapper<Enterprise> row = this::map;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FieldCipher cipher;

    Enterprises(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Enterprise> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE id = ?").param(id).query(row).optional();
    }

    public Optional<Enterprise> findActiveByUscc(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE uscc = ? AND merged_into IS NULL")
                .param(uscc).query(row).optional();
    }

    public List<Enterprise> findActiveByUsccs(Collection<String> usccs) {
        List<Enterprise> found = new ArrayList<>();
        List<String> all = List.copyOf(usccs);
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE merged_into IS NULL AND uscc IN (:usccs)")
                    .param("usccs", all.subList(from, Math.min(all.size(), from + 1000))).query(row).list());
        }
        return found;
    }

    public List<Enterprise> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE id IN (:ids)").param("ids", ids).query(row).list();
    }

    public long insert(Enterprise e) {
        return jdbc.sql(INSERT + " RETURNING id").params(insertValues(e)).query(Long.class).single();
    }

    public void insertAll(List<Enterprise> enterprises) {
        template.batchUpdate(INSERT, enterprises.stream().map(this::insertValues).toList());
    }

    public void update(Enterprise e) {
        int updated = jdbc.sql(UPDATE).params(updateValues(e)).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("enterprise " + e.getId() + " changed concurrently");
        }
    }

    public void updateAll(List<Enterprise> enterprises) {
        int[][] counts = template.batchUpdate(UPDATE, enterprises.stream().map(this::updateValues).toList(), 1000,
                (ps, values) -> {
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                });
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    throw new OptimisticLockingFailureException("an enterprise changed concurrently during the import");
                }
            }
        }
    }

    public void recordChanges(long enterpriseId, List<FieldChange> changes, String by, Instant at, String source) {
        recordChanges(changes.stream().map(c -> new Object[]{enterpriseId, c.field(), cut(masked(c.field(), c.oldValue())),
                cut(masked(c.field(), c.newValue())), by, Timestamp.from(at), source}).toList());
    }

    /** The history keeps phones masked, as it keeps ID numbers (issue 14: no personal data in clear at rest). */
    static String masked(String field, String value) {
        if (value == null || !field.endsWith("电话") || value.length() < 7) {
            return value;
        }
        return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }

    public void recordChanges(List<Object[]> rows) {
        // the firm's organisation id (issue 18: the distribution key) from the firm, its id repeated at the row's end
        template.batchUpdate("INSERT INTO enterprise_change (enterprise_id, field, old_value, new_value, changed_by, "
                + "changed_at, source, organization_id) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT organization_id FROM enterprise WHERE id = ?))",
                rows.stream().map(row -> {
                    Object[] withFirm = java.util.Arrays.copyOf(row, row.length + 1);
                    withFirm[row.length] = row[0];
                    return withFirm;
                }).toList());
    }

    static String cut(String value) {
        return value == null || value.length() <= 400 ? value : value.substring(0, 399) + "…";
    }

    private Object[] insertValues(Enterprise e) {
        return new Object[]{e.getUscc(), e.getName(), SearchTerms.nameKey(e.getName()), SearchTerms.initials(e.getName()),
                arrayLiteral(SearchTerms.grams(e.getName())), e.getLegalRepresentative(), seal(LEGAL_REPRESENTATIVE_ID, e.getLegalRepresentativeId()),
                e.getPrincipalLeader(), seal(PRINCIPAL_PHONE, e.getPrincipalPhone()), e.getSafetyManager(), seal(SAFETY_PHONE, e.getSafetyPhone()),
                e.getRegisteredAddress(), e.getOperatingAddress(), e.getTownCode(), e.getIndustry().sectionCode(),
                e.getIndustry().divisionCode(), e.getEmployees(), e.getAnnualOutput(), e.getStatus().name(),
                arrayLiteral(e.getRiskFeatures().stream().map(Enum::name).toArray(String[]::new)),
                e.getMajorHazardGrade(), e.isWhitelisted(), e.getLevel().name(), e.getOrganizationId(), e.isDemo(),
                Timestamp.from(e.getCreatedAt()), Timestamp.from(e.getUpdatedAt()), e.getLegalRepresentativeTitle(),
                seal(LEGAL_REPRESENTATIVE_PHONE, e.getLegalRepresentativePhone())};
    }

    private Object[] updateValues(Enterprise e) {
        return new Object[]{e.getName(), SearchTerms.nameKey(e.getName()), SearchTerms.initials(e.getName()),
                arrayLiteral(SearchTerms.grams(e.getName())), e.getLegalRepresentative(), seal(LEGAL_REPRESENTATIVE_ID, e.getLegalRepresentativeId()),
                e.getPrincipalLeader(), seal(PRINCIPAL_PHONE, e.getPrincipalPhone()), e.getSafetyManager(), seal(SAFETY_PHONE, e.getSafetyPhone()),
                e.getRegisteredAddress(), e.getOperatingAddress(), e.getTownCode(), e.getIndustry().sectionCode(),
                e.getIndustry().divisionCode(), e.getEmployees(), e.getAnnualOutput(), e.getStatus().name(),
                arrayLiteral(e.getRiskFeatures().stream().map(Enum::name).toArray(String[]::new)),
                e.getMajorHazardGrade(), e.isWhitelisted(), e.getLevel().name(), e.getOrganizationId(), e.getMergedInto(),
                e.getLegalRepresentativeTitle(), seal(LEGAL_REPRESENTATIVE_PHONE, e.getLegalRepresentativePhone()), Timestamp.from(e.getUpdatedAt()), e.getId(), e.getVersion()};
    }

    /** A PostgreSQL array literal (braces around quoted items), cast in SQL: portable to PostgreSQL-compatible databases. */
    public static String arrayLiteral(String[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    static Set<RiskFeature> features(Array array) throws SQLException {
        Set<RiskFeature> features = EnumSet.noneOf(RiskFeature.class);
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                features.add(RiskFeature.valueOf((String) value));
            }
        }
        return features;
    }

    private Enterprise map(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        Enterprise e = new Enterprise(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"),
                rs.getString("legal_representative"), open(LEGAL_REPRESENTATIVE_ID, rs),
                rs.getString("principal_leader"), open(PRINCIPAL_PHONE, rs), rs.getString("safety_manager"),
                open(SAFETY_PHONE, rs), rs.getString("registered_address"), rs.getString("operating_address"),
                rs.getString("town_code"), IndustryCatalog.division(rs.getString("industry_division")).orElseThrow(),
                rs.getInt("employees"), rs.getBigDecimal("annual_output"), EnterpriseStatus.valueOf(rs.getString("status")),
                features(rs.getArray("risk_features")), (Integer) rs.getObject("major_hazard_grade", Integer.class),
                rs.getBoolean("whitelisted"), SupervisionLevel.valueOf(rs.getString("supervision_level")),
                rs.getLong("organization_id"), (Long) rs.getObject("merged_into", Long.class), rs.getBoolean("demo"),
                rs.getInt("version"), created.toInstant(), updated.toInstant());
        e.representativeContact(rs.getString("legal_representative_title"), open(LEGAL_REPRESENTATIVE_PHONE, rs));
        return e;
    }

    private String seal(String column, String value) {
        return cipher.seal("enterprise." + column, value);
    }

    private String open(String column, ResultSet rs) throws SQLException {
        return cipher.open("enterprise." + column, rs.getString(column));
    }
}
