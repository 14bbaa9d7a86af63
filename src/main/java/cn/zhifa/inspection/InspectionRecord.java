package cn.zhifa.inspection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.crypto.Encrypted;
import cn.zhifa.shared.db.KeyedChildren;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The 现场检查记录. Lifecycle: started from a task (DRAFT, the team and the checklist revision copied in)
 * → items answered, photos attached, free findings written, signatures drawn → {@link #submit} once
 * (then immutable) → optionally {@link #correct corrected} by a new version with a reason, which on
 * its own submission marks this one SUPERSEDED.
 */
@Table("inspection_record")
public class InspectionRecord extends AbstractAggregateRoot<InspectionRecord> implements KeyedChildren {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Id
    private final Long id;
    private final long taskId;
    private final long organizationId;
    private final long enterpriseId;
    private final String enterpriseName;
    private final InspectionKind kind;
    private final InspectionMode mode;
    private final long templateId;
    private String place;
    private final Instant startedAt;
    private Instant endedAt;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private String representativeName;
    private String representativeTitle;
    @Encrypted
    private String representativePhone;
    private String findings;
    private boolean deadlineConfirmed;
    private RecordStatus status;
    private final int recordVersion;
    private final Long supersedesId;
    private final String correctionReason;
    private final long createdBy;
    private Long submittedBy;
    private Instant submittedAt;
    private final boolean demo;
    @MappedCollection(idColumn = "inspection_record", keyColumn = "position")
    private List<Member> members;
    @MappedCollection(idColumn = "inspection_record", keyColumn = "position")
    private List<ItemResult> items;
    @MappedCollection(idColumn = "inspection_record")
    private Set<Photo> photos;
    @MappedCollection(idColumn = "inspection_record", keyColumn = "position")
    private List<Signature> signatures;
    @Version
    private int version;
    @Transient
    private Long originRecordId;

    @PersistenceCreator
    InspectionRecord(Long id, long taskId, long organizationId, long enterpriseId, String enterpriseName,
                     InspectionKind kind, InspectionMode mode, long templateId, String place, Instant startedAt,
                     Instant endedAt, BigDecimal latitude, BigDecimal longitude, String representativeName,
                     String representativeTitle, String representativePhone, String findings, boolean deadlineConfirmed,
                     RecordStatus status, int recordVersion, Long supersedesId, String correctionReason, long createdBy,
                     Long submittedBy, Instant submittedAt, boolean demo, List<Member> members, List<ItemResult> items,
                     Set<Photo> photos, List<Signature> signatures, int version) {
        this.id = id;
        this.taskId = taskId;
        this.organizationId = organizationId;
        this.enterpriseId = enterpriseId;
        this.enterpriseName = enterpriseName;
        this.kind = kind;
        this.mode = mode;
        this.templateId = templateId;
        this.place = place;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.latitude = latitude;
        this.longitude = longitude;
        this.representativeName = representativeName;
        this.representativeTitle = representativeTitle;
        this.representativePhone = representativePhone;
        this.findings = findings;
        this.deadlineConfirmed = deadlineConfirmed;
        this.status = status;
        this.recordVersion = recordVersion;
        this.supersedesId = supersedesId;
        this.correctionReason = correctionReason;
        this.createdBy = createdBy;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.demo = demo;
        this.members = new ArrayList<>(members);
        this.items = new ArrayList<>(items);
        this.photos = new LinkedHashSet<>(photos);
        this.signatures = new ArrayList<>(signatures);
        this.version = version;
    }

    /** Starts the record of a task with its team and the checklist revision in force. */
    static InspectionRecord start(InspectionTask task, ChecklistTemplate template, List<Member> team, long by,
                                  Instant now, boolean demo) {
        return start(null, task, template, team, by, now, demo);
    }

    /**
     * {@link #start(InspectionTask, ChecklistTemplate, List, long, Instant, boolean)} with the id taken from the
     * sequence beforehand (a record composed and submitted at once is written once; still new, at version 0).
     */
    static InspectionRecord start(Long id, InspectionTask task, ChecklistTemplate template, List<Member> team, long by,
                                  Instant now, boolean demo) {
        List<ItemResult> items = template.getItems().stream()
                .map(i -> new ItemResult(i.code(), i.content(), i.legalBasis(), i.major(), null, null, null, null, null,
                        i.violation()))
                .toList();
        return new InspectionRecord(id, task.getId(), task.getOrganizationId(), task.getEnterpriseId(),
                task.getEnterpriseName(), task.getKind(), task.getMode(), template.getId(), null, now, null, null, null,
                null, null, null, null, false, RecordStatus.DRAFT, 1, null, null, by, null, null, demo, team, items,
                Set.of(), List.of(), 0);
    }

    void describe(String place, BigDecimal latitude, BigDecimal longitude, String representativeName,
                  String representativeTitle, String representativePhone, String findings) {
        requireDraft();
        if (latitude != null && latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude != null && longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new RuleViolation("定位坐标超出范围。");
        }
        this.place = trim(place);
        this.latitude = latitude;
        this.longitude = longitude;
        this.representativeName = trim(representativeName);
        this.representativeTitle = trim(representativeTitle);
        this.representativePhone = trim(representativePhone);
        this.findings = trim(findings);
    }

    /**
     * Answers one checklist item; a failed item carries its measure (deadline or immediate measure). An item saved
     * while being filled in may have no outcome yet: its note is kept, and submission still asks for the outcome.
     */
    void answer(String code, ItemOutcome outcome, String note, String location, LocalDate rectifyBy,
                String immediateMeasure) {
        requireDraft();
        int index = indexOf(code);
        ItemResult item = items.get(index);
        boolean fails = outcome == ItemOutcome.FAILS;
        items.set(index, new ItemResult(item.code(), item.content(), item.legalBasis(), item.major(), outcome,
                trim(note), fails ? trim(location) : null, fails ? rectifyBy : null, fails ? trim(immediateMeasure) : null,
                item.violation()));
    }

    void attachPhoto(long evidenceId, String itemCode) {
        requireDraft();
        if (itemCode != null) {
            indexOf(itemCode);
        }
        photos.add(new Photo(evidenceId, itemCode));
    }

    void confirmNonWorkingDeadline(boolean confirmed) {
        requireDraft();
        this.deadlineConfirmed = confirmed;
    }

    /** An officer of the team signs (again: the new drawing replaces the old). */
    void signAsOfficer(long userId, String name, byte[] png, String sha256, Instant now) {
        requireDraft();
        if (members.stream().noneMatch(m -> m.userId() == userId)) {
            throw new RuleViolation("只有检查组成员可以作为检查人员签名。");
        }
        signatures.removeIf(s -> s.signerRole() == SignerRole.OFFICER && Objects.equals(s.userId(), userId));
        signatures.add(new Signature(SignerRole.OFFICER, userId, name, png, sha256, false, null, now));
    }

    /** The enterprise's representative signs, or refuses to sign before a witness (拒绝签字). */
    void signAsRepresentative(String name, byte[] png, String sha256, boolean refused, String witness, Instant now) {
        requireDraft();
        if (name == null || name.isBlank()) {
            throw new RuleViolation("请填写被检查单位现场负责人的姓名。");
        }
        if (refused && (witness == null || witness.isBlank())) {
            throw new RuleViolation("现场负责人拒绝签字的，须注明见证人姓名。");
        }
        if (!refused && png == null) {
            throw new RuleViolation("请现场负责人在签名框内签名，或选择“拒绝签字”并注明见证人。");
        }
        signatures.removeIf(s -> s.signerRole() == SignerRole.REPRESENTATIVE);
        signatures.add(new Signature(SignerRole.REPRESENTATIVE, null, name.strip(), refused ? null : png,
                refused ? null : sha256, refused, refused ? witness.strip() : null, now));
        if (representativeName == null) {
            representativeName = name.strip();
        }
    }

    /**
     * Submits once. Guards: every item answered, each failed item with a measure, the free findings'
     * measures checked by the caller, every team officer signed, and on site the representative signed or
     * refused before a witness. Registers {@link InspectionRecorded} and {@link FindingsRecorded}.
     */
    void submit(InspectionTask task, long by, Instant now) {
        requireDraft();
        long unanswered = items.stream().filter(i -> i.result() == null).count();
        if (unanswered > 0) {
            throw new RuleViolation("尚有 " + unanswered + " 个检查项未填写结果（符合 / 不符合 / 不涉及），不能提交。");
        }
        for (ItemResult item : failedItems()) {
            if (item.rectifyBy() == null && item.immediateMeasure() == null) {
                throw new RuleViolation("不符合项“" + item.code() + "”须填写整改期限（责令限期整改）或现场处理措施。");
            }
        }
        for (Member member : members) {
            if (signatures.stream().noneMatch(s -> s.signerRole() == SignerRole.OFFICER
                    && Objects.equals(s.userId(), member.userId()))) {
                throw new RuleViolation("检查人员" + member.displayName() + "尚未签名，不能提交。");
            }
        }
        if (mode == InspectionMode.ON_SITE && signatures.stream().noneMatch(s -> s.signerRole() == SignerRole.REPRESENTATIVE)) {
            throw new RuleViolation("被检查单位现场负责人尚未签名（或登记拒绝签字及见证人），不能提交。");
        }
        this.endedAt = endedAt == null ? now : endedAt;
        this.status = RecordStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = now;
        LocalDate day = LocalDate.ofInstant(startedAt, ZONE);
        List<Long> officers = members.stream().map(Member::userId).toList();
        registerEvent(new InspectionRecorded(id, taskId, enterpriseId, enterpriseName, kind, mode, day, organizationId,
                task.getSource(), task.getSourceRef(), officers, failedItems().size(), supersedesId));
        registerEvent(new FindingsRecorded(id, originRecordId == null ? id : originRecordId, organizationId, enterpriseId,
                enterpriseName, day, officers, findings(), demo, task.getCampaignId()));
    }

    /** The failed items as findings for the hazard register (free hazards are added in the hazard module). */
    List<FindingsRecorded.Finding> findings() {
        List<FindingsRecorded.Finding> list = new ArrayList<>();
        for (ItemResult item : failedItems()) {
            List<Long> evidence = photos.stream().filter(p -> item.code().equals(p.itemCode())).map(Photo::evidenceId).toList();
            String description = item.note() == null ? item.violationText() : item.violationText() + "（" + item.note() + "）";
            list.add(new FindingsRecorded.Finding(item.code(), description, item.legalBasis(), item.major(),
                    item.major() ? item.code() : null, item.location(), item.rectifyBy(), item.immediateMeasure(), evidence));
        }
        return list;
    }

    /** Starts a correction: a new DRAFT version with the same content, to be signed and submitted again. */
    InspectionRecord correct(String reason, long by, Instant now) {
        if (status != RecordStatus.SUBMITTED) {
            throw new RuleViolation("只能更正已提交的现场检查记录。");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("请填写更正理由。");
        }
        InspectionRecord correction = new InspectionRecord(null, taskId, organizationId, enterpriseId, enterpriseName,
                kind, mode, templateId, place, startedAt, endedAt, latitude, longitude, representativeName,
                representativeTitle, representativePhone, findings, deadlineConfirmed, RecordStatus.DRAFT,
                recordVersion + 1, id, reason.strip(), by, null, null, demo, members, items, photos, List.of(), 0);
        return correction;
    }

    void supersede() {
        if (status != RecordStatus.SUBMITTED) {
            throw new RuleViolation("只有已提交的记录可以被更正版本取代。");
        }
        status = RecordStatus.SUPERSEDED;
    }

    void originatedFrom(Long originRecordId) {
        this.originRecordId = originRecordId;
    }

    public List<ItemResult> failedItems() {
        return items.stream().filter(i -> i.result() == ItemOutcome.FAILS).toList();
    }

    public List<LocalDate> deadlines() {
        return failedItems().stream().map(ItemResult::rectifyBy).filter(Objects::nonNull).distinct().toList();
    }

    public boolean hasSigned(long userId) {
        return signatures.stream().anyMatch(s -> s.signerRole() == SignerRole.OFFICER && Objects.equals(s.userId(), userId));
    }

    public List<Long> photosOf(String itemCode) {
        return photos.stream().filter(p -> Objects.equals(itemCode, p.itemCode())).map(Photo::evidenceId).toList();
    }

    public Set<Long> evidenceIds() {
        return photos.stream().map(Photo::evidenceId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private int indexOf(String code) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new RuleViolation("检查项“" + code + "”不在本记录的检查清单中。");
    }

    private void requireDraft() {
        if (status != RecordStatus.DRAFT) {
            throw RuleViolation.conflict("现场检查记录已提交，不能再修改；如需更正，请以更正版本提交并说明理由。");
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The team, items, photos and signatures carry the record's organisation id (issue 18), set here before each save. */
    @Override
    public void keyChildren() {
        members.replaceAll(m -> m.keyed(organizationId));
        items.replaceAll(i -> i.keyed(organizationId));
        photos = photos.stream().map(p -> p.keyed(organizationId)).collect(Collectors.toCollection(LinkedHashSet::new));
        signatures.replaceAll(s -> s.keyed(organizationId));
    }

    public Long getId() { return id; }
    public long getTaskId() { return taskId; }
    public long getOrganizationId() { return organizationId; }
    public long getEnterpriseId() { return enterpriseId; }
    public String getEnterpriseName() { return enterpriseName; }
    public InspectionKind getKind() { return kind; }
    public InspectionMode getMode() { return mode; }
    public long getTemplateId() { return templateId; }
    public String getPlace() { return place; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public BigDecimal getLatitude() { return latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public String getRepresentativeName() { return representativeName; }
    public String getRepresentativeTitle() { return representativeTitle; }
    public String getRepresentativePhone() { return representativePhone; }
    public String getFindings() { return findings; }
    public boolean isDeadlineConfirmed() { return deadlineConfirmed; }
    public RecordStatus getStatus() { return status; }
    public int getRecordVersion() { return recordVersion; }
    public Long getSupersedesId() { return supersedesId; }
    public String getCorrectionReason() { return correctionReason; }
    public Long getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public long getCreatedBy() { return createdBy; }
    public boolean isDemo() { return demo; }
    public List<Member> getMembers() { return List.copyOf(members); }
    public List<ItemResult> getItems() { return List.copyOf(items); }
    public List<Signature> getSignatures() { return List.copyOf(signatures); }
    public int getVersion() { return version; }

    /** A team member; {@code organizationId} is the record's, given by {@link #keyChildren} (none before). */
    @Table("inspection_record_member")
    public record Member(long userId, String displayName, @JsonIgnore Long organizationId) {

        public Member(long userId, String displayName) {
            this(userId, displayName, null);
        }

        Member keyed(long organizationId) {
            return new Member(userId, displayName, organizationId);
        }
    }

    /** A checklist item as this record asks it: {@code content} the requirement, {@code violation} the failure. */
    @Table("inspection_item_result")
    public record ItemResult(String code, String content, String legalBasis, boolean major, ItemOutcome result,
                             String note, String location, LocalDate rectifyBy, String immediateMeasure,
                             String violation, @JsonIgnore Long organizationId) {

        public ItemResult(String code, String content, String legalBasis, boolean major, ItemOutcome result, String note,
                          String location, LocalDate rectifyBy, String immediateMeasure, String violation) {
            this(code, content, legalBasis, major, result, note, location, rectifyBy, immediateMeasure, violation, null);
        }

        ItemResult keyed(long organizationId) {
            return new ItemResult(code, content, legalBasis, major, result, note, location, rectifyBy, immediateMeasure,
                    violation, organizationId);
        }

        /** What a failed item reads as (the hazard, the 整改指令书). */
        public String violationText() {
            return ChecklistTemplate.violationOf(content, violation);
        }
    }

    @Table("inspection_record_photo")
    public record Photo(long evidenceId, String itemCode, @JsonIgnore Long organizationId) {

        public Photo(long evidenceId, String itemCode) {
            this(evidenceId, itemCode, null);
        }

        Photo keyed(long organizationId) {
            return new Photo(evidenceId, itemCode, organizationId);
        }
    }

    @Table("inspection_signature")
    public record Signature(SignerRole signerRole, Long userId, String signerName, byte[] png, String sha256,
                            boolean refused, String witness, Instant signedAt, @JsonIgnore Long organizationId) {

        public Signature(SignerRole signerRole, Long userId, String signerName, byte[] png, String sha256, boolean refused,
                         String witness, Instant signedAt) {
            this(signerRole, userId, signerName, png, sha256, refused, witness, signedAt, null);
        }

        Signature keyed(long organizationId) {
            return new Signature(signerRole, userId, signerName, png, sha256, refused, witness, signedAt, organizationId);
        }
    }
}
