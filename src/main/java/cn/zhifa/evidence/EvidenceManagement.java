package cn.zhifa.evidence;

import cn.zhifa.audit.Audit;
import cn.zhifa.evidence.internal.EvidenceStore;
import cn.zhifa.organization.DataScope;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores evidence files and hands them out, writing the chain of custody. Other modules keep only
 * evidence ids; they call {@link #attach} when a file becomes part of their record.
 */
@Service
public class EvidenceManagement {

    private final EvidenceStore store;
    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<RecorderRegister> recorders;

    EvidenceManagement(EvidenceStore store, JdbcClient jdbc, DataScope scope, Clock clock,
                       org.springframework.beans.factory.ObjectProvider<RecorderRegister> recorders) {
        this.store = store;
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
        this.recorders = recorders;
    }

    /**
     * Stores a video or audio upload of the current user taken with the named 执法记录仪, which must be one the user's
     * unit has in use; the number is written into the file's custody entry. A blank number stores as {@link #store(Upload)}.
     * A unit with no 执法记录仪 in the equipment register may type the number by hand: the custody entry says so.
     */
    @Transactional
    public EvidenceView store(Upload upload, String recorderNumber) {
        if (recorderNumber == null || recorderNumber.isBlank()) {
            return store(upload);
        }
        Actor actor = Actors.require();
        String number = recorderNumber.strip();
        List<String> inUse = recordersInUse(actor.organizationId());
        if (inUse.isEmpty()) {
            if (number.length() > 60) {
                throw new RuleViolation("执法记录仪编号不能超过60个字，未保存。");
            }
            return store(upload, actor, false, number + "（装备台账未登记）");
        }
        if (!inUse.contains(number)) {
            throw new RuleViolation("执法记录仪" + number + "不是本单位在用的执法记录仪，请从在用的执法记录仪中选择，未保存。");
        }
        return store(upload, actor, false, number);
    }

    /** The numbers of the unit's 执法记录仪 in use, for the upload form to choose from. */
    public List<String> recordersInUse(long organizationId) {
        RecorderRegister register = recorders.getIfAvailable();
        return register == null ? List.of() : register.recordersInUse(organizationId);
    }

    /** Stores an upload of the current user. Refuses non-media and oversize files (nothing is kept). */
    @Transactional
    public EvidenceView store(Upload upload) {
        return store(upload, Actors.require(), false);
    }

    /** For demo data: stores as the given user. */
    @Transactional
    public EvidenceView store(Upload upload, Actor actor, boolean demo) {
        return store(upload, actor, demo, null);
    }

    private EvidenceView store(Upload upload, Actor actor, boolean demo, String recorder) {
        if (upload.latitude() != null && (upload.latitude().abs().doubleValue() > 90)
                || upload.longitude() != null && upload.longitude().abs().doubleValue() > 180) {
            throw new RuleViolation("拍摄位置（经纬度）超出范围，未保存。");
        }
        EvidenceStore.Stored stored = store.write(upload.content(), upload.originalName());
        if (recorder != null && stored.media().kind() == MediaKind.PHOTO) {
            throw new RuleViolation("只有录音、视频需要选择执法记录仪，照片请不要选择，未保存。");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO evidence_file (sha256, media_type, kind, size_bytes, original_name, source, uploaded_by,
                            organization_id, uploaded_at, captured_at, latitude, longitude, demo)
                        VALUES (:sha, :type, :kind, :size, :name, :source, :user, :org, :now, :captured, :lat, :lon, :demo)
                        RETURNING id""")
                .param("sha", stored.sha256()).param("type", stored.media().mediaType())
                .param("kind", stored.media().kind().name()).param("size", stored.size())
                .param("name", truncate(upload.originalName(), 255))
                .param("source", (upload.source() == null ? EvidenceSource.UPLOAD : upload.source()).name())
                .param("user", actor.userId()).param("org", actor.organizationId())
                .param("now", Timestamp.from(now))
                .param("captured", upload.capturedAt() == null ? null : Timestamp.from(upload.capturedAt()))
                .param("lat", upload.latitude()).param("lon", upload.longitude()).param("demo", demo)
                .query(Long.class).single();
        custody(id, "STORED", actor, "SHA-256 " + stored.sha256() + (recorder == null ? "" : "；执法记录仪 " + recorder));
        Audit.target("证据", id);
        return get(id, false);
    }

    @Transactional(readOnly = true)
    public EvidenceView get(long id) {
        return get(id, true);
    }

    private EvidenceView get(long id, boolean checkScope) {
        EvidenceView view = jdbc.sql("SELECT * FROM evidence_file WHERE id = :id").param("id", id)
                .query(EvidenceManagement::view).optional()
                .orElseThrow(() -> RuleViolation.notFound("证据文件不存在。"));
        if (checkScope) {
            scope.require(view.organizationId());
        }
        return view;
    }

    /** The files with these ids, in the given order (unknown ids are left out). */
    @Transactional(readOnly = true)
    public List<EvidenceView> find(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Long> order = List.copyOf(new LinkedHashSet<>(ids));
        return jdbc.sql("SELECT * FROM evidence_file WHERE id IN (:ids)").param("ids", order)
                .query(EvidenceManagement::view).list().stream()
                .sorted(java.util.Comparator.comparingInt(v -> order.indexOf(v.id()))).toList();
    }

    /**
     * Records that these files became part of a record ({@code targetType} + id). Refuses unknown files and
     * files of another unit's subtree.
     */
    @Transactional
    public void attach(Collection<Long> ids, String targetType, Object targetId) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        List<EvidenceView> found = find(ids);
        if (found.size() != new LinkedHashSet<>(ids).size()) {
            throw new RuleViolation("所附证据文件不存在，请重新上传。");
        }
        Actor actor = Actors.current().orElse(null);
        for (EvidenceView view : found) {
            if (actor != null && !scope.canSee(view.organizationId())) {
                throw new RuleViolation("不能引用其他单位的证据文件。");
            }
            custody(view.id(), "ATTACHED", actor, targetType + " " + targetId);
        }
    }

    /** The file for reading; writes a custody row. */
    @Transactional
    public Content open(long id) {
        EvidenceView view = get(id, true);
        custody(id, "VIEWED", Actors.current().orElse(null), null);
        return new Content(view, store.resource(view.sha256()));
    }

    /** A file to stream to the reader (from the data directory or the object store). */
    public record Content(EvidenceView view, org.springframework.core.io.Resource bytes) {
    }

    /** The custody rows of a file, oldest first: action, user, time, detail. */
    @Transactional(readOnly = true)
    public List<Custody> custody(long id) {
        get(id, true);
        return jdbc.sql("SELECT action, username, at, detail FROM evidence_custody WHERE evidence_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new Custody(rs.getString("action"), rs.getString("username"),
                        rs.getTimestamp("at").toInstant(), rs.getString("detail"))).list();
    }

    public record Custody(String action, String username, Instant at, String detail) {
    }

    /** True when the stored bytes still match their hash. */
    public boolean intact(long id) {
        return store.intact(get(id, true).sha256());
    }

    private void custody(long evidenceId, String action, Actor actor, String detail) {
        jdbc.sql("INSERT INTO evidence_custody (evidence_id, action, user_id, username, at, detail, organization_id) "
                        + "VALUES (:id, :action, :user, :username, :at, :detail, (SELECT organization_id FROM evidence_file WHERE id = :id))")
                .param("id", evidenceId).param("action", action)
                .param("user", actor == null ? null : actor.userId())
                .param("username", actor == null ? "system" : actor.username())
                .param("at", Timestamp.from(clock.instant())).param("detail", truncate(detail, 300)).update();
    }

    private static EvidenceView view(ResultSet rs, int row) throws SQLException {
        Timestamp captured = rs.getTimestamp("captured_at");
        return new EvidenceView(rs.getLong("id"), rs.getString("sha256"), rs.getString("media_type"),
                MediaKind.valueOf(rs.getString("kind")), rs.getLong("size_bytes"), rs.getString("original_name"),
                EvidenceSource.valueOf(rs.getString("source")), rs.getLong("uploaded_by"), rs.getLong("organization_id"),
                rs.getTimestamp("uploaded_at").toInstant(), captured == null ? null : captured.toInstant(),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
