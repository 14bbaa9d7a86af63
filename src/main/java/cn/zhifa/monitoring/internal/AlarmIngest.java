package cn.zhifa.monitoring.internal;

import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.Upload;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.inspection.TaskStatus;
import cn.zhifa.inspection.TaskView;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.audit.Audit;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an alarm or a video patrol result from a system client, once per {@code Idempotency-Key}: checked whole
 * before anything is written (a refusal stores nothing), stored with its snapshot as evidence, and — an alarm at or
 * above the configured level, an abnormal patrol — turned into an ONLINE inspection task of the firm's unit. While
 * that task is open, further alarms of the same point are grouped into it (count, last value) instead of opening more.
 */
@Component
public class AlarmIngest {

    /** How far ahead of the server's clock a reported time may lie (device clocks drift). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final long MAX_SNAPSHOT_BYTES = 5L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final MonitoringPoints points;
    private final MonitoringSettings settings;
    private final InspectionManagement inspections;
    private final EvidenceManagement evidence;
    private final OfficerManagement officers;
    private final EnterpriseManagement enterprises;
    private final OrganizationManagement organizations;
    private final Clock clock;

    AlarmIngest(JdbcClient jdbc, MonitoringPoints points, MonitoringSettings settings, InspectionManagement inspections,
                EvidenceManagement evidence, OfficerManagement officers, EnterpriseManagement enterprises,
                OrganizationManagement organizations, Clock clock) {
        this.jdbc = jdbc;
        this.points = points;
        this.settings = settings;
        this.inspections = inspections;
        this.evidence = evidence;
        this.officers = officers;
        this.enterprises = enterprises;
        this.organizations = organizations;
        this.clock = clock;
    }

    public enum Kind { ALARM, PATROL }

    /** What the monitoring system sent, as one shape for alarms ({@code value}, {@code level}) and patrols ({@code abnormal}). */
    public record Report(Kind kind, String point, BigDecimal value, Integer level, Boolean abnormal, String note,
                         Instant time, String snapshot, String snapshotSha256) {
    }

    /**
     * The answer: the stored alarm, the task it opened or joined (null when below the level, normal, or when no task
     * could be opened: {@code taskRefusal} says why), and whether this was a replay of an earlier request.
     */
    public record Outcome(long alarmId, Long taskId, boolean grouped, int alarmCount, String taskRefusal, boolean replayed) {
    }

    @Transactional
    public Outcome receive(ClientPrincipal client, String idempotencyKey, Report report, String fingerprint) {
        return receive(client, idempotencyKey, report, fingerprint, false);
    }

    /** The same for demo data: the rows and the task are marked demo. */
    @Transactional
    public Outcome receive(ClientPrincipal client, String idempotencyKey, Report report, String fingerprint, boolean demo) {
        UUID key = key(idempotencyKey);
        String hash = SystemClients.hash(report.kind() + "\n" + fingerprint);
        Optional<Outcome> earlier = earlier(client.clientId(), key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        MonitoringPoint point = checked(report);
        if (!organizations.subtreeIds(client.organizationId()).contains(point.organizationId())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "监测点“" + point.tag() + "”不属于本接入客户端报送的单位，未作任何保存。");
        }
        byte[] snapshot = snapshot(report);
        Instant now = clock.instant();
        boolean abnormal = report.kind() == Kind.ALARM ? report.level() >= settings.taskLevel()
                : Boolean.TRUE.equals(report.abnormal());
        // the key row first: a concurrent retry with the same key waits here for this transaction, then replays it
        Long alarmId = jdbc.sql("""
                        INSERT INTO monitoring_alarm (client_id, idempotency_key, request_hash, kind, point_id, enterprise_id,
                          organization_id, value, level, abnormal, note, occurred_at, received_at, status, demo)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 201, ?)
                        ON CONFLICT (client_id, idempotency_key) DO NOTHING RETURNING id""")
                .params(client.clientId(), key, hash, report.kind().name(), point.id(), point.enterpriseId(),
                        point.organizationId(), report.value(), report.level(), abnormal, blankToNull(report.note()),
                        Timestamp.from(report.time()), Timestamp.from(now), demo)
                .query(Long.class).optional().orElse(null);
        if (alarmId == null) {
            return earlier(client.clientId(), key, hash).orElseThrow();
        }
        Audit.target(report.kind() == Kind.ALARM ? "监测报警" : "视频巡查结果", alarmId);
        String unitName = organizations.find(point.organizationId()).map(OrganizationView::name).orElse("");
        UnitActor unit = new UnitActor(point.organizationId(), unitName);
        Long evidenceId = null;
        if (snapshot != null) {
            evidenceId = evidence.store(Upload.of(new ByteArrayInputStream(snapshot),
                    point.tag() + "-" + alarmId + ".jpg", null), unit, false).id();
            jdbc.sql("UPDATE monitoring_alarm SET evidence_id = ? WHERE id = ?").params(evidenceId, alarmId).update();
        }
        if (!abnormal) {
            return new Outcome(alarmId, null, false, 0, null, false);
        }
        return intoTask(alarmId, point, report, unit, demo);
    }

    private Outcome intoTask(long alarmId, MonitoringPoint point, Report report, UnitActor unit, boolean demo) {
        Optional<long[]> open = jdbc.sql("SELECT task_id, alarm_count FROM monitoring_alarm_task WHERE point_id = ? AND closed_at IS NULL FOR UPDATE")
                .param(point.id()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        if (open.isPresent()) {
            long taskId = open.get()[0];
            TaskStatus status = inspections.task(taskId).status();
            if (status == TaskStatus.ASSIGNED || status == TaskStatus.IN_PROGRESS) {
                jdbc.sql("""
                                UPDATE monitoring_alarm_task SET alarm_count = alarm_count + 1, last_value = COALESCE(?, last_value),
                                  last_at = GREATEST(last_at, ?) WHERE task_id = ?""")
                        .params(report.value(), Timestamp.from(report.time()), taskId).update();
                jdbc.sql("UPDATE monitoring_alarm SET task_id = ?, grouped = TRUE WHERE id = ?").params(taskId, alarmId).update();
                return new Outcome(alarmId, taskId, true, (int) open.get()[1] + 1, null, false);
            }
            jdbc.sql("UPDATE monitoring_alarm_task SET closed_at = ? WHERE task_id = ?")
                    .params(Timestamp.from(clock.instant()), taskId).update();
        }
        List<Long> team = dutyTeam(point.organizationId());
        String what = report.kind() == Kind.ALARM
                ? "监测报警 " + point.tag() + " " + MonitoringSettings.levelLabel(report.level())
                : "视频巡查异常 " + point.tag();
        TaskView task;
        try {
            task = inspections.createOnlineTask(new NewTask(TaskSource.AD_HOC, abbreviate(what, 100), point.enterpriseId(),
                    InspectionKind.GENERAL, InspectionMode.ONLINE, team, YearMonth.from(today()), null, false), unit, demo);
        } catch (RuleViolation refused) {
            String reason = abbreviate("未能转为在线检查任务：" + refused.getMessage(), 300);
            jdbc.sql("UPDATE monitoring_alarm SET task_refusal = ? WHERE id = ?").params(reason, alarmId).update();
            return new Outcome(alarmId, null, false, 0, reason, false);
        }
        jdbc.sql("""
                        INSERT INTO monitoring_alarm_task (task_id, point_id, enterprise_id, organization_id, alarm_count, last_value, last_at)
                        VALUES (?, ?, ?, ?, 1, ?, ?)""")
                .params(task.id(), point.id(), point.enterpriseId(), point.organizationId(), report.value(),
                        Timestamp.from(report.time())).update();
        jdbc.sql("UPDATE monitoring_alarm SET task_id = ? WHERE id = ?").params(task.id(), alarmId).update();
        return new Outcome(alarmId, task.id(), false, 1, null, false);
    }

    /**
     * Two officers with a valid 执法证 (the lowest ids: a stable duty pair) of the firm's unit, or of the nearest unit
     * above it that has two (a township without certified officers is served by its brigade or bureau).
     */
    private List<Long> dutyTeam(long organizationId) {
        Long unit = organizationId;
        for (int depth = 0; unit != null && depth < 6; depth++) {
            List<Long> team = officers.certifiedUsersPerUnit(List.of(unit), today()).getOrDefault(unit, List.of())
                    .stream().distinct().sorted().limit(2).toList();
            if (team.size() == 2) {
                return team;
            }
            unit = organizations.find(unit).map(OrganizationView::parentId).orElse(null);
        }
        return List.of();
    }

    private Optional<Outcome> earlier(long clientId, UUID key, String hash) {
        return jdbc.sql("""
                        SELECT a.id, a.request_hash, a.task_id, a.grouped, a.task_refusal, t.alarm_count
                        FROM monitoring_alarm a LEFT JOIN monitoring_alarm_task t ON t.task_id = a.task_id
                        WHERE a.client_id = ? AND a.idempotency_key = ?""")
                .params(clientId, key)
                .query((rs, n) -> {
                    if (!rs.getString(2).equals(hash)) {
                        throw RuleViolation.conflict("该幂等键（Idempotency-Key）已用于另一内容不同的报送，未作任何修改。新的报送请使用新的幂等键。");
                    }
                    return new Outcome(rs.getLong(1), (Long) rs.getObject(3), rs.getBoolean(4), rs.getInt(6),
                            rs.getString(5), true);
                }).optional();
    }

    private MonitoringPoint checked(Report report) {
        if (report.point() == null || report.point().isBlank()) {
            throw new IngestRefused("缺少监测点位号（point），未作任何保存。");
        }
        MonitoringPoint point = points.byTag(report.point())
                .orElseThrow(() -> new IngestRefused("监测点位号“" + abbreviate(report.point(), 40) + "”未登记，未作任何保存。"));
        if (!point.active()) {
            throw new IngestRefused("监测点“" + point.tag() + "”已停用，未作任何保存。");
        }
        if (report.time() == null) {
            throw new IngestRefused("缺少发生时间（time，ISO 8601，如 2026-12-05T08:30:00+08:00），未作任何保存。");
        }
        if (report.time().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new IngestRefused("发生时间晚于当前时间，请核对监测系统时钟，未作任何保存。");
        }
        if (report.note() != null && report.note().length() > 500) {
            throw new IngestRefused("说明（note）不超过500字，未作任何保存。");
        }
        if (report.kind() == Kind.ALARM) {
            if (point.kind() != PointKind.SENSOR) {
                throw new IngestRefused("“" + point.tag() + "”是视频监控点，报警须报送传感器监测点，未作任何保存。");
            }
            if (report.value() == null) {
                throw new IngestRefused("缺少监测值（value），未作任何保存。");
            }
            if (report.level() == null || report.level() < 1 || report.level() > 2) {
                throw new IngestRefused("报警级别（level）须为 1（一级报警）或 2（二级报警），未作任何保存。");
            }
        } else {
            if (point.kind() != PointKind.VIDEO) {
                throw new IngestRefused("“" + point.tag() + "”不是视频监控点，巡查结果须报送视频监控点，未作任何保存。");
            }
            if (report.abnormal() == null) {
                throw new IngestRefused("缺少巡查结论（abnormal：true 异常 / false 正常），未作任何保存。");
            }
        }
        return point;
    }

    private static byte[] snapshot(Report report) {
        if (report.snapshot() == null || report.snapshot().isBlank()) {
            if (report.snapshotSha256() != null && !report.snapshotSha256().isBlank()) {
                throw new IngestRefused("给出了 snapshotSha256 却没有快照（snapshot），未作任何保存。");
            }
            return null;
        }
        if (report.snapshot().length() > MAX_SNAPSHOT_BYTES * 4 / 3 + 4) {
            throw new IngestRefused("快照超过 5 MB，未作任何保存。");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(report.snapshot());
        } catch (IllegalArgumentException e) {
            throw new IngestRefused("快照（snapshot）不是有效的 Base64 编码，未作任何保存。");
        }
        if (bytes.length == 0) {
            throw new IngestRefused("快照（snapshot）为空，未作任何保存。");
        }
        if (report.snapshotSha256() == null || report.snapshotSha256().isBlank()) {
            throw new IngestRefused("随快照须给出其 SHA-256（snapshotSha256），未作任何保存。");
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(report.snapshotSha256().strip())) {
            throw new IngestRefused("快照的 SHA-256 与 snapshotSha256 不符（传输中可能损坏），未作任何保存。");
        }
        return bytes;
    }

    private static UUID key(String key) {
        if (key == null || key.isBlank()) {
            throw new IngestRefused("缺少请求头 Idempotency-Key（监测系统为每次报送生成的 UUID），未作任何保存。");
        }
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IngestRefused("请求头 Idempotency-Key 须为 UUID，未作任何保存。");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
