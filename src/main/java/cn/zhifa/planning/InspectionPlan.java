package cn.zhifa.planning;

import cn.zhifa.shared.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 年度安全生产监督检查计划 of one organisation. Lifecycle: {@link #deliberate 集体审议} (meeting record) →
 * {@link #approve 分管领导批准} → {@link #file 报上级备案} → {@link #publish 公开}. Key firms, the 双随机 quota, campaigns
 * and claims are edited only while drafting; a published plan is frozen and changes only by numbered
 * {@link #amendVisits amendments} with a reason.
 */
@Table("planning_plan")
public class InspectionPlan extends AbstractAggregateRoot<InspectionPlan> {

    @Id
    private final Long id;
    private final long organizationId;
    private final int year;
    private String title;
    private PlanStatus status;
    private BigDecimal randomRatio;
    private int randomCount;
    private LocalDate meetingDate;
    private String meetingRecord;
    private Long approvedBy;
    private String approvedByName;
    private Instant approvedAt;
    private String filedWith;
    private Instant filedAt;
    private Instant publishedAt;
    @MappedCollection(idColumn = "plan_id", keyColumn = "position")
    private List<PlanItem> items;
    @MappedCollection(idColumn = "plan_id", keyColumn = "position")
    private List<Campaign> campaigns;
    @MappedCollection(idColumn = "plan_id", keyColumn = "position")
    private List<Amendment> amendments;
    @Version
    private int version;
    private final Instant createdAt;

    @PersistenceCreator
    InspectionPlan(Long id, long organizationId, int year, String title, PlanStatus status, BigDecimal randomRatio,
                   int randomCount, LocalDate meetingDate, String meetingRecord, Long approvedBy, String approvedByName,
                   Instant approvedAt, String filedWith, Instant filedAt, Instant publishedAt, List<PlanItem> items,
                   List<Campaign> campaigns, List<Amendment> amendments, int version, Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.year = year;
        this.title = title;
        this.status = status;
        this.randomRatio = randomRatio;
        this.randomCount = randomCount;
        this.meetingDate = meetingDate;
        this.meetingRecord = meetingRecord;
        this.approvedBy = approvedBy;
        this.approvedByName = approvedByName;
        this.approvedAt = approvedAt;
        this.filedWith = filedWith;
        this.filedAt = filedAt;
        this.publishedAt = publishedAt;
        this.items = new ArrayList<>(items == null ? List.of() : items.stream().map(i -> i.under(organizationId)).toList());
        this.campaigns = new ArrayList<>(campaigns == null ? List.of() : campaigns);
        this.amendments = new ArrayList<>(amendments == null ? List.of() : amendments);
        this.version = version;
        this.createdAt = createdAt;
    }

    /** A new draft; {@code id} comes from the plan sequence (the version 0 tells Spring Data it is new). */
    public static InspectionPlan draft(long id, long organizationId, int year, String title, BigDecimal randomRatio, Instant now) {
        return new InspectionPlan(id, organizationId, year, title, PlanStatus.DRAFT, randomRatio, 0, null, null, null,
                null, null, null, null, null, List.of(), List.of(), List.of(), 0, now);
    }

    // ---- drafting ----

    /** Replaces the key-firm list (from grading); campaign targets stay. */
    public void replaceKeyFirms(List<PlanItem> keyFirms) {
        requireDraft();
        items.removeIf(item -> item.campaignCode() == null);
        items.addAll(0, keyFirms.stream().map(i -> i.under(organizationId)).toList());
    }

    /** The 双随机 quota: a ratio (percent) of the remaining pool and the resulting count. */
    public void setRandomQuota(BigDecimal ratioPercent, int count) {
        requireDraft();
        if (ratioPercent == null || ratioPercent.signum() < 0 || ratioPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RuleViolation("双随机抽查比例应在 0% 至 100% 之间。");
        }
        this.randomRatio = ratioPercent;
        this.randomCount = Math.max(0, count);
    }

    public void addCampaign(Campaign campaign, List<PlanItem> targets) {
        requireDraft();
        if (campaigns.stream().anyMatch(c -> c.code().equals(campaign.code()))) {
            throw new RuleViolation("本计划已有专项“" + campaign.name() + "”。");
        }
        campaigns.add(campaign);
        items.addAll(targets.stream().map(i -> i.under(organizationId)).toList());
    }

    /** 认领: a department (and optionally an officer) takes a key firm. */
    public void claim(long enterpriseId, Long departmentId, Long officerUserId) {
        requireDraft();
        int index = indexOfKeyFirm(enterpriseId);
        items.set(index, items.get(index).claimedBy(departmentId, officerUserId));
    }

    // ---- approval flow ----

    public void deliberate(LocalDate meetingDate, String meetingRecord) {
        if (status != PlanStatus.DRAFT) {
            throw new RuleViolation("计划当前状态为“" + status.label() + "”，不能再次提交集体审议。");
        }
        if (meetingDate == null || meetingRecord == null || meetingRecord.isBlank()) {
            throw new RuleViolation("请填写集体审议的会议日期和会议记录。");
        }
        if (items.stream().noneMatch(item -> item.campaignCode() == null) && randomCount == 0) {
            throw new RuleViolation("计划没有重点检查企业，也没有双随机抽查任务，不能提交审议。");
        }
        this.meetingDate = meetingDate;
        this.meetingRecord = meetingRecord.strip();
        this.status = PlanStatus.DELIBERATED;
    }

    public void approve(long approverId, String approverName, Instant now) {
        if (status == PlanStatus.APPROVED || status == PlanStatus.FILED || status == PlanStatus.PUBLISHED) {
            throw RuleViolation.conflict("计划已于" + approvedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
                    + "由" + approvedByName + "批准，不能重复批准。");
        }
        if (status != PlanStatus.DELIBERATED) {
            throw new RuleViolation("计划须经集体审议后才能报分管领导批准。");
        }
        this.approvedBy = approverId;
        this.approvedByName = approverName;
        this.approvedAt = now;
        this.status = PlanStatus.APPROVED;
        registerEvent(new PlanEvents.PlanApproved(id, organizationId, year));
    }

    public void file(String filedWith, Instant now) {
        if (status != PlanStatus.APPROVED) {
            throw new RuleViolation("只有已批准、尚未备案的计划才能报上级备案（当前：" + status.label() + "）。");
        }
        if (filedWith == null || filedWith.isBlank()) {
            throw new RuleViolation("请填写备案的上级机关。");
        }
        this.filedWith = filedWith.strip();
        this.filedAt = now;
        this.status = PlanStatus.FILED;
    }

    public void publish(Instant now) {
        if (status != PlanStatus.FILED) {
            throw new RuleViolation("计划须报上级备案后才能公开（当前：" + status.label() + "）。");
        }
        this.publishedAt = now;
        this.status = PlanStatus.PUBLISHED;
        registerEvent(new PlanEvents.PlanPublished(id, organizationId, year, keyFirms().size(), plannedVisits()));
    }

    // ---- amendments of a published plan ----

    /** Numbered amendment changing one firm's planned visits; a reason is required. */
    public Amendment amendVisits(long enterpriseId, int visits, String months, String reason, String by, Instant now) {
        requireAmendable(reason);
        if (visits < 0) {
            throw new RuleViolation("计划检查次数不能为负数。");
        }
        int index = indexOfKeyFirm(enterpriseId);
        PlanItem before = items.get(index);
        items.set(index, before.withVisits(visits, months == null || months.isBlank() ? PlanItem.spread(visits) : months));
        return amended(reason, "“" + before.enterpriseName() + "”计划检查由 " + before.plannedVisits() + " 次调整为 " + visits + " 次", by, now);
    }

    /** Numbered amendment adding a key firm. */
    public Amendment amendAdd(PlanItem item, String reason, String by, Instant now) {
        requireAmendable(reason);
        if (items.stream().anyMatch(i -> i.enterpriseId() == item.enterpriseId() && i.campaignCode() == null)) {
            throw new RuleViolation("“" + item.enterpriseName() + "”已在重点检查名单中。");
        }
        items.add(item.under(organizationId));
        return amended(reason, "增加重点检查企业“" + item.enterpriseName() + "”（" + item.plannedVisits() + " 次）", by, now);
    }

    private void requireAmendable(String reason) {
        if (status != PlanStatus.PUBLISHED) {
            throw new RuleViolation("计划尚未公开，请在起草阶段直接修改；已提交审议的计划不能修改。");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("已公开的计划已冻结，变更必须填写理由。");
        }
    }

    private Amendment amended(String reason, String description, String by, Instant now) {
        Amendment amendment = new Amendment(amendments.size() + 1, reason.strip(), description, now, by);
        amendments.add(amendment);
        registerEvent(new PlanEvents.PlanAmended(id, amendment.number(), amendment.reason()));
        return amendment;
    }

    private void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw new RuleViolation(status == PlanStatus.PUBLISHED ? "计划已公开并冻结，只能通过编号变更（须说明理由）调整。"
                    : "计划已进入审批流程（" + status.label() + "），不能修改。");
        }
    }

    private int indexOfKeyFirm(long enterpriseId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).enterpriseId() == enterpriseId && items.get(i).campaignCode() == null) {
                return i;
            }
        }
        throw RuleViolation.notFound("该企业不在本计划的重点检查名单中。");
    }

    // ---- reading ----

    public List<PlanItem> keyFirms() {
        return items.stream().filter(item -> item.campaignCode() == null).toList();
    }

    public List<PlanItem> targetsOf(String campaignCode) {
        return items.stream().filter(item -> campaignCode.equals(item.campaignCode())).toList();
    }

    public int plannedVisits() {
        return items.stream().mapToInt(PlanItem::plannedVisits).sum() + randomCount;
    }

    public Optional<PlanItem> keyFirm(long enterpriseId) {
        return keyFirms().stream().filter(item -> item.enterpriseId() == enterpriseId).findFirst();
    }

    public boolean frozen() {
        return status == PlanStatus.PUBLISHED;
    }

    public Long getId() { return id; }
    public long getOrganizationId() { return organizationId; }
    public int getYear() { return year; }
    public String getTitle() { return title; }
    public PlanStatus getStatus() { return status; }
    public BigDecimal getRandomRatio() { return randomRatio; }
    public int getRandomCount() { return randomCount; }
    public LocalDate getMeetingDate() { return meetingDate; }
    public String getMeetingRecord() { return meetingRecord; }
    public String getApprovedByName() { return approvedByName; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getFiledWith() { return filedWith; }
    public Instant getFiledAt() { return filedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public List<PlanItem> getItems() { return List.copyOf(items); }
    public List<Campaign> getCampaigns() { return List.copyOf(campaigns); }
    public List<Amendment> getAmendments() { return List.copyOf(amendments); }
    public int getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
