package cn.zhifa.inspection;

import cn.zhifa.planning.CapException;
import cn.zhifa.shared.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An inspection to do: one enterprise, a kind and a mode, a team of at least two certified officers,
 * a due month. Lifecycle: ASSIGNED → (notice sent) → IN_PROGRESS when a record is started → DONE when
 * the record is submitted; or CANCELLED.
 */
@Table("inspection_task")
public class InspectionTask {

    @Id
    private final Long id;
    private final long organizationId;
    private final TaskSource source;
    private final String sourceRef;
    private final long enterpriseId;
    private final String enterpriseName;
    private final InspectionKind kind;
    private final InspectionMode mode;
    private final LocalDate dueMonth;
    private final Long templateId;
    private final boolean noticeRequired;
    private String noticeMethod;
    private Instant noticeSentAt;
    private String noticeContent;
    private TaskStatus status;
    private final long createdBy;
    private final Instant createdAt;
    private final boolean demo;
    /** The month a 双随机 draw planned this task for, when it was already past at creation (逾期补做); else null. */
    private final LocalDate plannedMonth;
    private final CapException capException;
    private final String capExceptionNote;
    /** The 专项 (planning's campaign id) the task is for; its records inherit it. Set after construction by Spring Data. */
    private Long campaignId;
    @MappedCollection(idColumn = "inspection_task", keyColumn = "position")
    private final List<Member> members;
    @Version
    private int version;

    @PersistenceCreator
    InspectionTask(Long id, long organizationId, TaskSource source, String sourceRef, long enterpriseId,
                   String enterpriseName, InspectionKind kind, InspectionMode mode, LocalDate dueMonth, Long templateId,
                   boolean noticeRequired, String noticeMethod, Instant noticeSentAt, String noticeContent,
                   TaskStatus status, long createdBy, Instant createdAt, boolean demo, List<Member> members, int version,
                   LocalDate plannedMonth, CapException capException, String capExceptionNote) {
        this.plannedMonth = plannedMonth;
        this.capException = capException;
        this.capExceptionNote = capExceptionNote;
        this.id = id;
        this.organizationId = organizationId;
        this.source = source;
        this.sourceRef = sourceRef;
        this.enterpriseId = enterpriseId;
        this.enterpriseName = enterpriseName;
        this.kind = kind;
        this.mode = mode;
        this.dueMonth = dueMonth;
        this.templateId = templateId;
        this.noticeRequired = noticeRequired;
        this.noticeMethod = noticeMethod;
        this.noticeSentAt = noticeSentAt;
        this.noticeContent = noticeContent;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.demo = demo;
        this.members = members;
        this.version = version;
    }

    static InspectionTask create(long organizationId, NewTask task, String enterpriseName, Long templateId,
                                 List<Long> team, long createdBy, Instant now, boolean demo) {
        return create(organizationId, task, task.dueMonth(), enterpriseName, templateId, team, createdBy, now, demo);
    }

    /**
     * A task due in {@code dueMonth}; when that is later than the month asked for (a past month's draw), the task
     * keeps the asked month as its planned month and reads as late (逾期补做).
     */
    static InspectionTask create(long organizationId, NewTask task, YearMonth dueMonth, String enterpriseName,
                                 Long templateId, List<Long> team, long createdBy, Instant now, boolean demo) {
        LocalDate planned = dueMonth.isAfter(task.dueMonth()) ? task.dueMonth().atDay(1) : null;
        InspectionTask created = new InspectionTask(null, organizationId, task.source(), blankToNull(task.sourceRef()),
                task.enterpriseId(), enterpriseName, task.kind(), task.mode(), dueMonth.atDay(1), templateId,
                task.noticeRequired(), null, null, null, TaskStatus.ASSIGNED, createdBy, now, demo,
                team.stream().map(u -> new Member(u, organizationId)).toList(), 0, planned,
                task.capException(), task.capException() == null ? null : blankToNull(task.capExceptionNote()));
        created.campaignId = task.campaignId();
        return created;
    }

    /** The 执法检查告知书 was sent (how, when, what it announced). */
    void noticeSent(String method, Instant sentAt, String content) {
        if (status == TaskStatus.DONE || status == TaskStatus.CANCELLED) {
            throw new RuleViolation("任务已" + status.label() + "，不能再登记告知。");
        }
        this.noticeMethod = method;
        this.noticeSentAt = sentAt;
        this.noticeContent = content;
    }

    void start() {
        if (status == TaskStatus.DONE || status == TaskStatus.CANCELLED) {
            throw new RuleViolation("任务已" + status.label() + "，不能开始检查。");
        }
        if (noticeRequired && noticeSentAt == null) {
            throw new RuleViolation("该任务按计划须事先送达执法检查告知书，请先登记告知书的送达方式和时间。");
        }
        status = TaskStatus.IN_PROGRESS;
    }

    void complete() {
        status = TaskStatus.DONE;
    }

    void cancel() {
        if (status == TaskStatus.DONE) {
            throw new RuleViolation("任务已完成，不能取消。");
        }
        status = TaskStatus.CANCELLED;
    }

    public List<Long> team() {
        return members.stream().map(Member::userId).toList();
    }

    public YearMonth dueYearMonth() {
        return YearMonth.from(dueMonth);
    }

    public Long getId() { return id; }
    public long getOrganizationId() { return organizationId; }
    public TaskSource getSource() { return source; }
    public String getSourceRef() { return sourceRef; }
    public Long getCampaignId() { return campaignId; }
    public long getEnterpriseId() { return enterpriseId; }
    public String getEnterpriseName() { return enterpriseName; }
    public InspectionKind getKind() { return kind; }
    public InspectionMode getMode() { return mode; }
    public Long getTemplateId() { return templateId; }
    public boolean isNoticeRequired() { return noticeRequired; }
    public String getNoticeMethod() { return noticeMethod; }
    public Instant getNoticeSentAt() { return noticeSentAt; }
    public String getNoticeContent() { return noticeContent; }
    public TaskStatus getStatus() { return status; }
    public boolean isDemo() { return demo; }
    /** The month the draw planned, when the task was created after it had passed; else null. */
    public YearMonth plannedYearMonth() { return plannedMonth == null ? null : YearMonth.from(plannedMonth); }
    public CapException getCapException() { return capException; }
    public String getCapExceptionNote() { return capExceptionNote; }
    public int getVersion() { return version; }

    /** A team member, built only by {@link #create} with the task's organisation id (issue 18). */
    @Table("inspection_task_member")
    record Member(long userId, long organizationId) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
