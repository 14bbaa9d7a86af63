package cn.zhifa.inspection.internal;

import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.inspection.ChecklistManagement;
import cn.zhifa.inspection.ChecklistTemplate;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.TaskView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a field terminal takes along before losing the signal (今日检查 → 离线使用): only the signed-in officer's own
 * open tasks, each with the firm as the registry knows it, the team, the exact checklist version the record will
 * use (with its 判定标准), the inspection notice state and the firm's recent inspections, plus the officer's
 * registered signature. The terminal drops it after {@code zhifa.offline.keep}.
 */
@Service
public class OfflineBundles {

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final InspectionManagement inspections;
    private final ChecklistManagement checklists;
    private final InspectionTasks tasks;
    private final Registry registry;
    private final UserManagement users;
    private final SignatureSpecimens specimens;
    private final Clock clock;
    private final Duration keep;
    private final int photoMaxEdge;
    private final double photoQuality;

    OfflineBundles(InspectionManagement inspections, ChecklistManagement checklists, InspectionTasks tasks,
                   Registry registry, UserManagement users, SignatureSpecimens specimens, Clock clock,
                   @Value("${zhifa.offline.keep:72h}") Duration keep,
                   @Value("${zhifa.offline.photo-max-edge:1600}") int photoMaxEdge,
                   @Value("${zhifa.offline.photo-quality:0.8}") double photoQuality) {
        this.inspections = inspections;
        this.checklists = checklists;
        this.tasks = tasks;
        this.registry = registry;
        this.users = users;
        this.specimens = specimens;
        this.clock = clock;
        this.keep = keep;
        this.photoMaxEdge = photoMaxEdge;
        this.photoQuality = photoQuality;
    }

    public record Bundle(long officerId, String officerName, Instant fetchedAt, Instant expiresAt, int photoMaxEdge,
                         double photoQuality, String signatureSpecimen, List<OfflineTask> tasks) {
    }

    public record OfflineTask(long id, String kind, String mode, boolean onSite, YearMonth dueMonth, String status,
                              List<Member> team, boolean noticeRequired, String noticeState, String noticeDocument,
                              Firm firm, Checklist checklist, List<PastInspection> recentInspections) {
    }

    public record Member(long userId, String name) {
    }

    public record Firm(long id, String name, String uscc, String address, String legalRepresentative, String industry,
                       List<String> riskFeatures) {
    }

    public record Checklist(long id, String title, int version, String standard, List<ChecklistTemplate.Item> items) {
    }

    public record PastInspection(LocalDate day, int failedItems, String findings) {
    }

    @Transactional(readOnly = true)
    public Bundle mine() {
        Actor actor = Actors.require();
        Instant now = clock.instant();
        List<OfflineTask> list = new ArrayList<>();
        for (TaskView t : inspections.myOpenTasks()) {
            long templateId = tasks.findById(t.id()).orElseThrow().getTemplateId();
            ChecklistTemplate template = checklists.get(templateId);
            List<Member> team = new ArrayList<>();
            for (int i = 0; i < t.team().size(); i++) {
                team.add(new Member(t.team().get(i), t.teamNames().get(i)));
            }
            Firm firm = registry.enterprise(t.enterpriseId())
                    .map(e -> new Firm(e.id(), e.name(), e.uscc(), e.address(), e.legalRepresentative(), e.industry(),
                            e.riskFeatures()))
                    .orElse(new Firm(t.enterpriseId(), t.enterpriseName(), null, null, null, null, List.of()));
            String noticeState = !t.noticeRequired() ? "无须事先告知"
                    : t.noticeSentAt() == null ? "须在检查前送达（尚未送达，离线时不能开始检查）"
                    : "已" + t.noticeMethod() + "送达（" + java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm")
                            .withZone(ZONE).format(t.noticeSentAt()) + "）";
            String noticeDocument = t.noticeSentAt() == null ? null
                    : inspections.notice(t.id()).map(OfflineBundles::title).orElse(null);
            List<PastInspection> past = inspections.recordsOf(t.enterpriseId()).stream().limit(3)
                    .map(r -> new PastInspection(LocalDate.ofInstant(r.getStartedAt(), ZONE),
                            r.failedItems().size(), r.getFindings()))
                    .toList();
            list.add(new OfflineTask(t.id(), t.kind().label(), t.mode().label(),
                    t.mode() == cn.zhifa.inspection.InspectionMode.ON_SITE, t.dueMonth(), t.status().label(), team,
                    t.noticeRequired(), noticeState, noticeDocument, firm,
                    new Checklist(template.getId(), template.getTitle(), template.getVersion(), template.getStandard(),
                            template.getItems()),
                    past));
        }
        String specimen = specimens.current(actor.username())
                .flatMap(s -> specimens.png(s.id()))
                .map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                .orElse(null);
        return new Bundle(actor.userId(), users.displayName(actor.userId()), now, now.plus(keep), photoMaxEdge,
                photoQuality, specimen, list);
    }

    private static String title(IssuedDocument document) {
        return document.title() + " " + document.number();
    }
}
