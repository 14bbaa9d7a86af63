package cn.zhifa.hazard.internal;

import cn.zhifa.hazard.Hazard;
import cn.zhifa.hazard.HazardStatus;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the hazards one inspection record found, all in one JDBC batch that returns their ids (issue 18: Spring Data
 * JDBC's {@code saveAll} mapped every hazard property by property and then rebuilt each hazard through its constructor to
 * give it its id, 9 % of a submission's CPU; the record's registered items were read first to skip them). A checklist
 * item already registered from the same origin record (a corrected version, a second delivery of the findings) is
 * skipped by its key ({@code hazard_one_per_item}, V6_1) in the same statement, so it is registered once however often
 * it is delivered, concurrent deliveries included.
 */
@Component
public class FoundHazards {

    private static final String INSERT = """
            INSERT INTO hazard (organization_id, enterprise_id, enterprise_name, record_id, origin_record_id, item_code, source,
              level, criterion, location, description, legal_basis, status, measure, deadline, immediate_measure, found_by,
              found_on, registered_at, latitude, longitude, campaign_id, demo, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT DO NOTHING""";

    private static final String EVIDENCE = """
            INSERT INTO hazard_evidence (hazard, evidence_id, stage, organization_id) VALUES (?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    FoundHazards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts hazards just found (not yet stored, as {@code Hazard.found} made them) with the photos of their finding.
     * Returns the id of each, in order, or null for one whose checklist item is registered already (nothing written).
     */
    public List<Long> insert(List<Hazard> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        found.forEach(FoundHazards::requireJustFound);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int[] inserted = jdbc.batchUpdate(new ReturningIds(INSERT),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        bind(ps, found.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return found.size();
                    }
                }, keys);
        // one count per hazard (1 inserted, 0 skipped by its key); a key for each inserted one, in the same order
        Iterator<Map<String, Object>> ids = keys.getKeyList().iterator();
        List<Long> result = new ArrayList<>(found.size());
        List<Object[]> evidence = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (inserted[i] == 0) {
                result.add(null);
                continue;
            }
            if (inserted[i] != 1 || !ids.hasNext()) {
                throw new IllegalStateException("hazard batch answered " + Arrays.toString(inserted) + " with "
                        + keys.getKeyList().size() + " keys");
            }
            long id = ((Number) ids.next().get("id")).longValue();
            result.add(id);
            Hazard hazard = found.get(i);
            for (Long photo : hazard.evidenceOf(Hazard.Stage.FOUND)) {
                evidence.add(new Object[]{id, photo, Hazard.Stage.FOUND.name(), hazard.getOrganizationId()});
            }
        }
        if (!evidence.isEmpty()) {
            jdbc.batchUpdate(EVIDENCE, evidence, new int[]{Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT});
        }
        return result;
    }

    private static void bind(PreparedStatement ps, Hazard h) throws SQLException {
        ps.setLong(1, h.getOrganizationId());
        ps.setLong(2, h.getEnterpriseId());
        ps.setString(3, h.getEnterpriseName());
        ps.setObject(4, h.getRecordId(), Types.BIGINT);
        ps.setObject(5, h.getOriginRecordId(), Types.BIGINT);
        ps.setString(6, h.getItemCode());
        ps.setString(7, h.getSource().name());
        ps.setString(8, h.getLevel().name());
        ps.setString(9, h.getCriterion());
        ps.setString(10, h.getLocation());
        ps.setString(11, h.getDescription());
        ps.setString(12, h.getLegalBasis());
        ps.setString(13, h.getStatus().name());
        ps.setString(14, h.getMeasure() == null ? null : h.getMeasure().name());
        ps.setDate(15, h.getDeadline() == null ? null : Date.valueOf(h.getDeadline()));
        ps.setString(16, h.getImmediateMeasure());
        ps.setObject(17, h.getFoundBy(), Types.BIGINT);
        ps.setDate(18, Date.valueOf(h.getFoundOn()));
        ps.setTimestamp(19, Timestamp.from(h.getRegisteredAt()));
        ps.setBigDecimal(20, h.getLatitude());
        ps.setBigDecimal(21, h.getLongitude());
        ps.setObject(22, h.getCampaignId(), Types.BIGINT);
        ps.setBoolean(23, h.isDemo());
    }

    /** The statement, asking for the generated ids; named in the JDBC log like any other. */
    private record ReturningIds(String sql) implements PreparedStatementCreator, SqlProvider {

        @Override
        public PreparedStatement createPreparedStatement(Connection con) throws SQLException {
            return con.prepareStatement(sql, new String[]{"id"});
        }

        @Override
        public String getSql() {
            return sql;
        }
    }

    /** Only what {@code Hazard.found} or {@code selfReported} makes: every column not written above is still its default. */
    private static void requireJustFound(Hazard h) {
        boolean fresh = h.getId() == null && h.getVersion() == 0
                && (h.getStatus() == HazardStatus.RECTIFYING || h.getStatus() == HazardStatus.REPORTED)
                && h.getReinspectionCount() == 0 && h.getRectificationReport() == null && h.getClosedAt() == null
                && !h.isSupervised() && !h.isExposed() && h.getOrderDocumentId() == null && h.getExtensions().isEmpty()
                && h.evidenceOf(Hazard.Stage.RECTIFICATION).isEmpty() && h.evidenceOf(Hazard.Stage.REINSPECTION).isEmpty();
        if (!fresh) {
            throw new IllegalArgumentException("only a hazard just found is inserted here, not hazard " + h.getId());
        }
    }
}
