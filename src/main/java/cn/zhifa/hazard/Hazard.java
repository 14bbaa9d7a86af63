package cn.zhifa.hazard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.db.KeyedChildren;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A hazard and its closed loop. Lifecycle:
 * (企业自报 REPORTED → {@link #confirm}) → RECTIFYING under a 责令限期整改 deadline or 现场处理措施
 * → {@link #reportRectification} with evidence → RECTIFICATION_REPORTED → {@link #reinspect 复查}
 * (passed → REINSPECTED; failed → RECTIFYING with a new deadline) → {@link #close 销号} by a second officer
 * with evidence → CLOSED. A RECTIFYING hazard past its deadline is overdue ({@link HazardManagement#sweepOverdue}
 * publishes {@link HazardOverdue} once per deadline). Major hazards may be put under 挂牌督办 with 五落实.
 */
@Table("hazard")
public class Hazard extends AbstractAggregateRoot<Hazard> implements KeyedChildren {

    @Id
    private final Long id;
    private final long organizationId;
    private final long enterpriseId;
    private final String enterpriseName;
    private final Long recordId;
    private final Long originRecordId;
    private final String itemCode;
    private final HazardSource source;
    private final HazardLevel level;
    private final String criterion;
    private final String location;
    private final String description;
    private final String legalBasis;
    private HazardStatus status;
    private Measure measure;
    private LocalDate deadline;
    private String immediateMeasure;
    private final Long foundBy;
    private final LocalDate foundOn;
    private final Instant registeredAt;
    private String rectificationReport;
    private Instant rectificationReportedAt;
    private String rectificationReportedBy;
    private Long reinspectedBy;
    private Instant reinspectedAt;
    private String reinspectionOpinion;
    private int reinspectionCount;
    private Long closedBy;
    private Instant closedAt;
    private LocalDate overdueNotifiedFor;
    private boolean supervised;
    private Instant supervisedAt;
    private Long supervisedBy;
    private String responsiblePerson;
    private String rectificationMeasures;
    private BigDecimal funds;
    private LocalDate timeLimit;
    private String contingencyPlan;
    private boolean exposed;
    private Long orderDocumentId;
    private final boolean demo;
    /** Where it was found (WGS-84) by the phone's GPS, if it had a fix; set after construction by Spring Data. */
    private BigDecimal latitude;
    private BigDecimal longitude;
    /** The 专项 (planning's campaign id) of the record the hazard was found on; set after construction by Spring Data. */
    private Long campaignId;
    @MappedCollection(idColumn = "hazard")
    private Set<Evidence> evidence;
    @MappedCollection(idColumn = "hazard", keyColumn = "position")
    private List<Extension> extensions;
    @Version
    private int version;

    @PersistenceCreator
    Hazard(Long id, long organizationId, long enterpriseId, String enterpriseName, Long recordId, Long originRecordId,
           String itemCode, HazardSource source, HazardLevel level, String criterion, String location,
           String description, String legalBasis, HazardStatus status, Measure measure, LocalDate deadline,
           String immediateMeasure, Long foundBy, LocalDate foundOn, Instant registeredAt, String rectificationReport,
           Instant rectificationReportedAt, String rectificationReportedBy, Long reinspectedBy, Instant reinspectedAt,
           String reinspectionOpinion, int reinspectionCount, Long closedBy, Instant closedAt,
           LocalDate overdueNotifiedFor, boolean supervised, Instant supervisedAt, Long supervisedBy,
           String responsiblePerson, String rectificationMeasures, BigDecimal funds, LocalDate timeLimit,
           String contingencyPlan, boolean exposed, Long orderDocumentId, boolean demo, Set<Evidence> evidence, List<Extension> extensions,
           int version) {
        this.id = id;
        this.organizationId = organizationId;
        this.enterpriseId = enterpriseId;
        this.enterpriseName = enterpriseName;
        this.recordId = recordId;
        this.originRecordId = originRecordId;
        this.itemCode = itemCode;
        this.source = source;
        this.level = level;
        this.criterion = criterion;
        this.location = location;
        this.description = description;
        this.legalBasis = legalBasis;
        this.status = status;
        this.measure = measure;
        this.deadline = deadline;
        this.immediateMeasure = immediateMeasure;
        this.foundBy = foundBy;
        this.foundOn = foundOn;
        this.registeredAt = registeredAt;
        this.rectificationReport = rectificationReport;
        this.rectificationReportedAt = rectificationReportedAt;
        this.rectificationReportedBy = rectificationReportedBy;
        this.reinspectedBy = reinspectedBy;
        this.reinspectedAt = reinspectedAt;
        this.reinspectionOpinion = reinspectionOpinion;
        this.reinspectionCount = reinspectionCount;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.overdueNotifiedFor = overdueNotifiedFor;
        this.supervised = supervised;
        this.supervisedAt = supervisedAt;
        this.supervisedBy = supervisedBy;
        this.responsiblePerson = responsiblePerson;
        this.rectificationMeasures = rectificationMeasures;
        this.funds = funds;
        this.timeLimit = timeLimit;
        this.contingencyPlan = contingencyPlan;
        this.exposed = exposed;
        this.orderDocumentId = orderDocumentId;
        this.demo = demo;
        this.evidence = new LinkedHashSet<>(evidence);
        this.extensions = new ArrayList<>(extensions);
        this.version = version;
    }

    /** What was found, where and by whom. */
    public record Finding(long organizationId, long enterpriseId, String enterpriseName, Long recordId,
                          Long originRecordId, String itemCode, HazardSource source, HazardLevel level, String criterion,
                          String location, String description, String legalBasis, Long foundBy, LocalDate foundOn) {
    }

    /**
     * Registers a hazard found by officers under an order: a deadline (责令限期整改) or immediate measures
     * (现场处理措施). One of the two is required.
     */
    static Hazard found(Finding finding, LocalDate deadline, String immediateMeasure, List<Long> photos, Instant now,
                        boolean demo) {
        if (finding.description() == null || finding.description().isBlank()) {
            throw new RuleViolation("请填写隐患描述。");
        }
        if (deadline == null && (immediateMeasure == null || immediateMeasure.isBlank())) {
            throw new RuleViolation("请填写整改期限（责令限期整改）或现场处理措施。");
        }
        Hazard hazard = create(finding, HazardStatus.RECTIFYING, photos, now, demo);
        hazard.measure = deadline != null ? Measure.ORDER : Measure.IMMEDIATE;
        hazard.deadline = deadline;
        hazard.immediateMeasure = blankToNull(immediateMeasure);
        return hazard;
    }

    /** The phone's GPS position where it was found (both or neither; the service checks the ranges). */
    Hazard foundAt(BigDecimal latitude, BigDecimal longitude) {
        this.latitude = latitude == null || longitude == null ? null : latitude.setScale(6, java.math.RoundingMode.HALF_UP);
        this.longitude = latitude == null || longitude == null ? null : longitude.setScale(6, java.math.RoundingMode.HALF_UP);
        return this;
    }

    public BigDecimal getLatitude() { return latitude; }
    public BigDecimal getLongitude() { return longitude; }

    /** An enterprise reports a hazard itself; officers confirm it before the loop starts. */
    static Hazard selfReported(Finding finding, List<Long> photos, Instant now) {
        if (finding.description() == null || finding.description().isBlank()) {
            throw new RuleViolation("请填写隐患描述。");
        }
        return create(finding, HazardStatus.REPORTED, photos, now, false);
    }

    private static Hazard create(Finding f, HazardStatus status, List<Long> photos, Instant now, boolean demo) {
        Set<Evidence> evidence = new LinkedHashSet<>();
        (photos == null ? List.<Long>of() : photos).forEach(p -> evidence.add(new Evidence(p, Stage.FOUND)));
        return new Hazard(null, f.organizationId(), f.enterpriseId(), f.enterpriseName(), f.recordId(),
                f.originRecordId(), f.itemCode(), f.source(), f.level(), f.criterion(), blankToNull(f.location()),
                f.description().strip(), f.legalBasis(), status, null, null, null, f.foundBy(), f.foundOn(), now, null,
                null, null, null, null, null, 0, null, null, null, false, null, null, null, null, null, null, null,
                false, null, demo, evidence, List.of(), 0);
    }

    /** Officers confirm a self-reported hazard and order its rectification. */
    void confirm(LocalDate deadline, String immediateMeasure) {
        require(HazardStatus.REPORTED, "只有企业自报待核实的隐患需要核实。");
        if (deadline == null && (immediateMeasure == null || immediateMeasure.isBlank())) {
            throw new RuleViolation("请填写整改期限（责令限期整改）或现场处理措施。");
        }
        status = HazardStatus.RECTIFYING;
        measure = deadline != null ? Measure.ORDER : Measure.IMMEDIATE;
        this.deadline = deadline;
        this.immediateMeasure = blankToNull(immediateMeasure);
    }

    /** The firm reports its rectification; at least one piece of evidence is required. */
    void reportRectification(String report, List<Long> evidenceIds, String by, Instant now) {
        require(HazardStatus.RECTIFYING, "只有整改中的隐患可以报告整改完成。");
        if (report == null || report.isBlank()) {
            throw new RuleViolation("请填写整改情况说明。");
        }
        if (evidenceIds == null || evidenceIds.isEmpty()) {
            throw new RuleViolation("报告整改完成须附整改后的照片或其他证据。");
        }
        evidenceIds.forEach(e -> evidence.add(new Evidence(e, Stage.RECTIFICATION)));
        rectificationReport = report.strip();
        rectificationReportedAt = now;
        rectificationReportedBy = by;
        status = HazardStatus.RECTIFICATION_REPORTED;
    }

    /**
     * 复查 (整改复查意见书): after the firm's report, or once the deadline has passed, or after immediate
     * measures. Passed → awaiting 销号; failed → rectifying again under a new deadline.
     */
    void reinspect(boolean passed, String opinion, LocalDate newDeadline, List<Long> evidenceIds, long by, Instant now,
                   LocalDate today) {
        boolean due = status == HazardStatus.RECTIFICATION_REPORTED
                || status == HazardStatus.RECTIFYING && (measure == Measure.IMMEDIATE || deadline != null && today.isAfter(deadline));
        if (!due) {
            throw new RuleViolation(status == HazardStatus.RECTIFYING
                    ? "整改期限尚未届满且企业尚未报告整改完成，暂不能复查。"
                    : "当前状态（" + status.label() + "）不能复查。");
        }
        if (opinion == null || opinion.isBlank()) {
            throw new RuleViolation("请填写复查意见。");
        }
        if (evidenceIds != null) {
            evidenceIds.forEach(e -> evidence.add(new Evidence(e, Stage.REINSPECTION)));
        }
        reinspectedBy = by;
        reinspectedAt = now;
        reinspectionOpinion = opinion.strip();
        reinspectionCount++;
        if (passed) {
            status = HazardStatus.REINSPECTED;
            return;
        }
        if (newDeadline == null || newDeadline.isBefore(today)) {
            throw new RuleViolation("复查不合格的，须重新责令限期整改，整改期限不能早于今天。");
        }
        status = HazardStatus.RECTIFYING;
        measure = Measure.ORDER;
        deadline = newDeadline;
    }

    /** 销号: after a passed 复查, by an officer other than the one who re-inspected, with evidence on file. */
    void close(long by, Instant now, LocalDate today) {
        require(HazardStatus.REINSPECTED, "只有复查合格的隐患可以销号。");
        if (evidence.stream().noneMatch(e -> e.stage() != Stage.FOUND)) {
            throw new RuleViolation("销号须有整改或复查的证据（照片等），请先上传证据。");
        }
        if (Objects.equals(reinspectedBy, by)) {
            throw new RuleViolation("销号须由复查人以外的另一名执法人员确认。");
        }
        status = HazardStatus.CLOSED;
        closedBy = by;
        closedAt = now;
        registerEvent(new HazardClosed(id, organizationId, enterpriseId, level, today));
    }

    /** 挂牌督办 with 五落实: 责任人、措施、资金、时限、预案, all required. Major hazards only. */
    void supervise(String responsiblePerson, String measures, BigDecimal funds, LocalDate timeLimit,
                   String contingencyPlan, long by, Instant now, LocalDate today) {
        if (level != HazardLevel.MAJOR) {
            throw new RuleViolation("只有重大事故隐患实行挂牌督办。");
        }
        if (!status.open()) {
            throw new RuleViolation("隐患已销号，不能挂牌督办。");
        }
        if (blankToNull(responsiblePerson) == null || blankToNull(measures) == null || funds == null
                || timeLimit == null || blankToNull(contingencyPlan) == null) {
            throw new RuleViolation("挂牌督办须落实责任人、整改措施、整改资金、整改时限和应急预案（五落实），请填写完整。");
        }
        if (funds.signum() < 0) {
            throw new RuleViolation("整改资金不能为负数。");
        }
        if (timeLimit.isBefore(today)) {
            throw new RuleViolation("整改时限不能早于今天。");
        }
        this.supervised = true;
        this.supervisedAt = supervisedAt == null ? now : supervisedAt;
        this.supervisedBy = by;
        this.responsiblePerson = responsiblePerson.strip();
        this.rectificationMeasures = measures.strip();
        this.funds = funds.setScale(2, java.math.RoundingMode.HALF_UP);
        this.timeLimit = timeLimit;
        this.contingencyPlan = contingencyPlan.strip();
    }

    /**
     * Records the 责令限期整改指令书 (or 现场处理措施决定书) issued for a hazard registered outside an inspection
     * record; its 复查 refers to it. Only while the order is in force (rectifying).
     */
    void orderedBy(long documentId) {
        require(HazardStatus.RECTIFYING, "只有整改中的隐患可以出具整改指令。");
        this.orderDocumentId = documentId;
    }

    /** A leader flags the hazard for the public 隐患曝光台 (or takes the flag back); a change is announced. */
    void expose(boolean exposed, LocalDate today) {
        if (this.exposed == exposed) {
            return;
        }
        this.exposed = exposed;
        registerEvent(new HazardExposed(id, organizationId, enterpriseId, enterpriseName, level, description, foundOn,
                status.label(), exposed, today, demo));
    }

    /** The firm asks for more time; one pending request at a time, to a later date. */
    void requestExtension(LocalDate requested, String reason, String by, Instant now) {
        require(HazardStatus.RECTIFYING, "只有整改中的隐患可以申请延期。");
        if (measure != Measure.ORDER || deadline == null) {
            throw new RuleViolation("只有责令限期整改的隐患可以申请延期。");
        }
        if (pendingExtension() != null) {
            throw RuleViolation.conflict("已有待审批的延期申请。");
        }
        if (requested == null || !requested.isAfter(deadline)) {
            throw new RuleViolation("延期后的期限须晚于原整改期限。");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("请填写延期理由。");
        }
        extensions.add(new Extension(requested, reason.strip(), by, now, null, null, null));
    }

    /** A leader decides the pending extension; approval moves the deadline. */
    void decideExtension(boolean approve, long by, Instant now) {
        Extension pending = pendingExtension();
        if (pending == null) {
            throw new RuleViolation("没有待审批的延期申请。");
        }
        extensions.set(extensions.indexOf(pending), new Extension(pending.requestedDeadline(), pending.reason(),
                pending.requestedBy(), pending.requestedAt(), approve, by, now));
        if (approve) {
            deadline = pending.requestedDeadline();
        }
    }

    /** Under a 责令限期整改 deadline, still rectifying, and the deadline has passed (the daily sweep's rule, in SQL). */
    public boolean overdueOn(LocalDate today) {
        return status == HazardStatus.RECTIFYING && measure == Measure.ORDER && deadline != null && today.isAfter(deadline);
    }

    public Extension pendingExtension() {
        return extensions.stream().filter(e -> e.approved() == null).findFirst().orElse(null);
    }

    public List<Long> evidenceOf(Stage stage) {
        return evidence.stream().filter(e -> e.stage() == stage).map(Evidence::evidenceId).toList();
    }

    private void require(HazardStatus expected, String refusal) {
        if (status != expected) {
            throw new RuleViolation(refusal);
        }
    }

    /** The evidence and the extension requests carry the hazard's organisation id (issue 18), set here before each save. */
    @Override
    public void keyChildren() {
        evidence = evidence.stream().map(e -> e.keyed(organizationId)).collect(Collectors.toCollection(LinkedHashSet::new));
        extensions.replaceAll(e -> e.keyed(organizationId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() { return id; }
    public long getOrganizationId() { return organizationId; }
    public long getEnterpriseId() { return enterpriseId; }
    public String getEnterpriseName() { return enterpriseName; }
    public Long getRecordId() { return recordId; }
    public Long getOriginRecordId() { return originRecordId; }
    public Long getCampaignId() { return campaignId; }

    /** Tags a new hazard with the 专项 of the record it was found on (none: untagged). */
    Hazard inCampaign(java.util.Optional<Long> campaign) {
        this.campaignId = campaign.orElse(null);
        return this;
    }
    public String getItemCode() { return itemCode; }
    public HazardSource getSource() { return source; }
    public HazardLevel getLevel() { return level; }
    public String getCriterion() { return criterion; }
    public String getLocation() { return location; }
    public String getDescription() { return description; }
    public String getLegalBasis() { return legalBasis; }
    public HazardStatus getStatus() { return status; }
    public Measure getMeasure() { return measure; }
    public LocalDate getDeadline() { return deadline; }
    public String getImmediateMeasure() { return immediateMeasure; }
    public Long getFoundBy() { return foundBy; }
    public LocalDate getFoundOn() { return foundOn; }
    public Instant getRegisteredAt() { return registeredAt; }
    public String getRectificationReport() { return rectificationReport; }
    public Instant getRectificationReportedAt() { return rectificationReportedAt; }
    public Long getReinspectedBy() { return reinspectedBy; }
    public Instant getReinspectedAt() { return reinspectedAt; }
    public String getReinspectionOpinion() { return reinspectionOpinion; }
    public int getReinspectionCount() { return reinspectionCount; }
    public Long getClosedBy() { return closedBy; }
    public Instant getClosedAt() { return closedAt; }
    public boolean isSupervised() { return supervised; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public String getRectificationMeasures() { return rectificationMeasures; }
    public BigDecimal getFunds() { return funds; }
    public LocalDate getTimeLimit() { return timeLimit; }
    public String getContingencyPlan() { return contingencyPlan; }
    public boolean isExposed() { return exposed; }
    public Long getOrderDocumentId() { return orderDocumentId; }
    public boolean isDemo() { return demo; }
    public List<Extension> getExtensions() { return List.copyOf(extensions); }
    public int getVersion() { return version; }

    /** FOUND with the finding, RECTIFICATION from the firm, REINSPECTION from the 复查. */
    public enum Stage { FOUND, RECTIFICATION, REINSPECTION }

    /** {@code organizationId} is the hazard's, given by {@link #keyChildren} (none before). */
    @Table("hazard_evidence")
    public record Evidence(long evidenceId, Stage stage, @JsonIgnore Long organizationId) {

        public Evidence(long evidenceId, Stage stage) {
            this(evidenceId, stage, null);
        }

        Evidence keyed(long organizationId) {
            return new Evidence(evidenceId, stage, organizationId);
        }
    }

    @Table("hazard_extension")
    public record Extension(LocalDate requestedDeadline, String reason, String requestedBy, Instant requestedAt,
                            Boolean approved, Long decidedBy, Instant decidedAt, @JsonIgnore Long organizationId) {

        public Extension(LocalDate requestedDeadline, String reason, String requestedBy, Instant requestedAt,
                         Boolean approved, Long decidedBy, Instant decidedAt) {
            this(requestedDeadline, reason, requestedBy, requestedAt, approved, decidedBy, decidedAt, null);
        }

        Extension keyed(long organizationId) {
            return new Extension(requestedDeadline, reason, requestedBy, requestedAt, approved, decidedBy, decidedAt,
                    organizationId);
        }
    }
}
