package cn.zhifa.supervision;

import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseSource;
import cn.zhifa.casework.ProposedCase;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.CapException;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.internal.Complaint;
import cn.zhifa.supervision.internal.ComplaintDeadlines;
import cn.zhifa.supervision.internal.Complaints;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of 投诉举报 and its handling: registration with the 受理/办结 deadlines of the channel, 受理 or 不予受理,
 * 交办 to a unit, the follow-up (an inspection task with source 举报, which is a frequency-cap exception, or a case
 * with source 举报), the reply, 办结, and the 举报奖励. A complaint belongs to the unit that registered it and is seen
 * by that unit's subtree and by the unit it is assigned to; the reporter's identity only by its handlers.
 */
@Service
public class ComplaintManagement {

    /** 受理 and assignment to a unit of the caller's scope. */
    @Schema(description = "受理并交办")
    public record Accept(@NotNull(message = "请选择承办单位") Long unitId) {
    }

    @Schema(description = "不予受理")
    public record Reject(@NotBlank(message = "请填写不予受理的理由") @Size(max = 1000, message = "理由不超过1000字") String reason) {
    }

    @Schema(description = "改派承办单位")
    public record Assign(@NotNull(message = "请选择承办单位") Long unitId) {
    }

    @Schema(description = "答复举报人")
    public record Reply(@NotBlank(message = "请填写答复内容") @Size(max = 2000, message = "答复不超过2000字") String reply) {
    }

    @Schema(description = "办结")
    public record Close(@NotBlank(message = "请填写办理结果") @Size(max = 2000, message = "办理结果不超过2000字") String result) {
    }

    @Schema(description = "提出举报奖励")
    public record ProposeReward(@NotNull(message = "请填写罚款金额") @Positive(message = "罚款金额须大于0") BigDecimal fineYuan) {
    }

    private final Complaints complaints;
    private final ComplaintDeadlines deadlines;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final InspectionManagement inspections;
    private final CaseManagement cases;
    private final Clock clock;
    private final cn.zhifa.evidence.EvidenceManagement evidence;
    private final cn.zhifa.supervision.internal.ComplaintAttachments attachments;

    ComplaintManagement(Complaints complaints, ComplaintDeadlines deadlines, DataScope scope,
                        OrganizationManagement organizations, EnterpriseManagement enterprises,
                        InspectionManagement inspections, CaseManagement cases, Clock clock,
                        cn.zhifa.evidence.EvidenceManagement evidence,
                        cn.zhifa.supervision.internal.ComplaintAttachments attachments) {
        this.evidence = evidence;
        this.attachments = attachments;
        this.complaints = complaints;
        this.deadlines = deadlines;
        this.scope = scope;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.inspections = inspections;
        this.cases = cases;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the registration may be stored (a refusal names what is missing, in Chinese). */
    @Transactional(readOnly = true)
    public Verdict check(NewComplaint form) {
        Verdict basic = Complaint.mayRegister(form.receivedOn(), today(), form.enterpriseId(), form.enterpriseName(),
                form.anonymous(), form.reporterName(), form.reporterPhone());
        if (basic.refused()) {
            return basic;
        }
        if (form.enterpriseId() != null && enterprises.find(form.enterpriseId()).isEmpty()) {
            return Verdict.refuse("企业库中没有所选的被举报企业。");
        }
        if (form.duplicateOf() != null) {
            Complaint original = complaints.find(form.duplicateOf()).orElse(null);
            if (original == null || !original.status().open()) {
                return Verdict.refuse("只能关联到正在办理（待受理或办理中）的原举报。");
            }
        }
        return Verdict.allow();
    }

    /** Registers a complaint for the caller's unit; a refusal stores nothing. */
    @Transactional
    public ComplaintRegistered register(NewComplaint form) {
        check(form).orThrow();
        Actor actor = Actors.require();
        String firmName = form.enterpriseName();
        if (form.enterpriseId() != null) {
            EnterpriseSummary firm = enterprises.find(form.enterpriseId()).orElseThrow();
            scope.requireFirm(firm.id(), firm.organizationId());
            firmName = firm.name();
        }
        if (form.duplicateOf() != null) {
            visible(complaints.find(form.duplicateOf()).orElseThrow());
        }
        ComplaintDeadlines.Due due = deadlines.of(form.channel(), form.receivedOn());
        Complaint c = complaints.save(Complaint.register(actor.organizationId(), form.channel(), form.receivedOn(),
                form.content(), form.enterpriseId(), firmName, form.reporterName(), form.reporterPhone(), form.anonymous(),
                due, form.duplicateOf(), actor.userId()));
        return new ComplaintRegistered(c.id(), c.acceptDue(), c.closeDue());
    }

    @Transactional
    public void accept(long id, Accept command) {
        scope.require(command.unitId());
        change(id, c -> c.accept(today(), command.unitId()));
    }

    @Transactional
    public void reject(long id, Reject command) {
        change(id, c -> c.reject(today(), command.reason()));
    }

    @Transactional
    public void assign(long id, Assign command) {
        scope.require(command.unitId());
        change(id, c -> c.assign(command.unitId()));
    }

    @Transactional
    public void reply(long id, Reply command) {
        change(id, c -> c.reply(today(), command.reply()));
    }

    @Transactional
    public void close(long id, Close command) {
        change(id, c -> c.close(today(), command.result()));
    }

    /**
     * Opens an inspection task (source 举报投诉) on the reported firm for the caller; it is a frequency-cap exception
     * (投诉举报核查), so a firm at its annual cap may still be inspected.
     */
    @Transactional
    public long openInspection(long id) {
        Complaint c = handled(id);
        long firm = requireFirm(c);
        Actor actor = Actors.require();
        long taskId = inspections.createTask(new NewTask(TaskSource.COMPLAINT, number(c), firm, InspectionKind.GENERAL,
                InspectionMode.ON_SITE, List.of(actor.userId()), YearMonth.from(today()), null, false,
                CapException.COMPLAINT, "投诉举报核查（" + number(c) + "）")).id();
        c.recordFollowUp(Complaint.FollowUp.INSPECTION, "已派检查任务核查");
        complaints.save(c);
        return taskId;
    }

    /** Opens a case (source 投诉举报) against the reported firm for the caller's unit. */
    @Transactional
    public long openCase(long id) {
        Complaint c = handled(id);
        long firm = requireFirm(c);
        String content = c.content();
        long caseId = cases.propose(new ProposedCase(CaseSource.COMPLAINT, number(c), CaseKind.ENFORCEMENT,
                Actors.require().organizationId(), firm, null, "举报查处：" + abbreviate(content, 40), content,
                c.receivedOn(), null, null, null, null));
        c.recordFollowUp(Complaint.FollowUp.CASE, "已立案查处");
        complaints.save(c);
        return caseId;
    }

    @Transactional
    public void proposeReward(long id, ProposeReward command) {
        change(id, c -> c.proposeReward(command.fineYuan(), deadlines.rules().reward()));
    }

    @Transactional
    public void approveReward(long id) {
        change(id, c -> c.approveReward(today()));
    }

    @Transactional
    public void payReward(long id) {
        change(id, c -> c.payReward(today()));
    }

    // ---- reads

    @Transactional(readOnly = true)
    public ComplaintView get(long id) {
        Complaint c = complaints.find(id).orElseThrow(() -> RuleViolation.notFound("没有这条投诉举报。"));
        visible(c);
        return view(c);
    }

    /** Complaints registered by or assigned to the caller's scope, newest first; filters are optional. */
    @Transactional(readOnly = true)
    public Page<ComplaintView> search(ComplaintStatus status, ComplaintChannel channel, Boolean overdue, Integer page,
                                      Integer size) {
        int number = Page.number(page);
        int pageSize = Page.size(size);
        Set<Long> orgs = scope.visibleOrganizationIds();
        LocalDate today = today();
        long total = complaints.count(orgs, status, channel, overdue, today);
        List<ComplaintView> items = complaints.search(orgs, status, channel, overdue, today, number * pageSize, pageSize)
                .stream().map(this::view).toList();
        return new Page<>(items, number, pageSize, total);
    }

    /** Open complaints of the caller's scope past a deadline. */
    @Transactional(readOnly = true)
    public long overdueCount() {
        return complaints.count(scope.visibleOrganizationIds(), null, null, true, today());
    }

    /** Received, accepted, closed and closed on time per channel for the year; every channel listed, duplicates not counted. */
    @Transactional(readOnly = true)
    public List<ChannelStatistics> statistics(int year) {
        return complaints.statistics(scope.visibleOrganizationIds(), year);
    }

    /** Where a complaint's period comes from, per channel (shown on the register page). */
    public List<String> periodSources() {
        return java.util.Arrays.stream(ComplaintChannel.values()).map(ch -> {
            var p = deadlines.rules().period(ch);
            return ch.label() + "：受理 " + p.acceptDays() + (p.calendarDays() ? " 日" : " 个工作日") + "，办结 " + p.closeDays()
                    + (p.calendarDays() ? " 日" : " 个工作日") + "（" + p.source() + "）";
        }).toList();
    }

    // ---- helpers

    private void change(long id, java.util.function.Consumer<Complaint> transition) {
        Complaint c = handled(id);
        transition.accept(c);
        complaints.save(c);
    }

    /** The complaint, if the caller may handle it (its unit's or its assigned unit's subtree). */
    private Complaint handled(long id) {
        Complaint c = complaints.find(id).orElseThrow(() -> RuleViolation.notFound("没有这条投诉举报。"));
        visible(c);
        return c;
    }

    private void visible(Complaint c) {
        if (!scope.canSee(c.organizationId()) && (c.assignedUnitId() == null || !scope.canSee(c.assignedUnitId()))) {
            throw new AccessDeniedException(DataScope.OUT_OF_SCOPE);
        }
    }

    private long requireFirm(Complaint c) {
        if (c.status() != ComplaintStatus.ACCEPTED) {
            throw new RuleViolation("受理后才能转检查或立案。");
        }
        if (c.enterpriseId() == null) {
            throw new RuleViolation("被举报单位不在企业库中，请先在企业库登记后再转检查或立案。");
        }
        return c.enterpriseId();
    }

    /**
     * Attaches a file to the complaint: stored by the evidence module (its media check and size limits, its hash and
     * custody), then linked. Only handlers attach and see the files, which may show who reported.
     */
    @Transactional
    public cn.zhifa.evidence.EvidenceView attach(long id, cn.zhifa.evidence.Upload upload) {
        Complaint c = complaints.find(id).orElseThrow(() -> RuleViolation.notFound("没有这条投诉举报。"));
        visible(c);
        if (!handler(c)) {
            throw new AccessDeniedException("只有承办单位的执法人员、负责人可以上传和查看举报附件。");
        }
        cn.zhifa.evidence.EvidenceView stored = evidence.store(upload);
        evidence.attach(List.of(stored.id()), "投诉举报", id);
        attachments.add(id, stored.id(), Actors.require().userId(), clock.instant());
        return stored;
    }

    /** The complaint's files for its handlers; nobody else sees them (empty). */
    @Transactional(readOnly = true)
    public List<cn.zhifa.evidence.EvidenceView> attachments(long id) {
        Complaint c = complaints.find(id).orElseThrow(() -> RuleViolation.notFound("没有这条投诉举报。"));
        visible(c);
        return handler(c) ? evidence.find(attachments.evidenceIds(id)) : List.of();
    }

    /** Whether the caller handles this complaint (sees the reporter and the files). */
    @Transactional(readOnly = true)
    public boolean handles(long id) {
        Complaint c = complaints.find(id).orElseThrow(() -> RuleViolation.notFound("没有这条投诉举报。"));
        visible(c);
        return handler(c);
    }

    /** A handler (officer or leader of a unit the complaint belongs or is assigned to) sees who reported. */
    private boolean handler(Complaint c) {
        Actor actor = Actors.require();
        return (actor.has(Role.OFFICER) || actor.has(Role.LEADER))
                && (scope.canSee(c.organizationId()) || c.assignedUnitId() != null && scope.canSee(c.assignedUnitId()));
    }

    private ComplaintView view(Complaint c) {
        LocalDate today = today();
        boolean reveal = handler(c);
        String reporter = c.anonymous() ? "匿名" : reveal ? c.reporterName() : "***";
        String phone = c.anonymous() ? null : reveal ? c.reporterPhone() : (c.reporterPhone() == null ? null : "***");
        LocalDate next = c.nextDue();
        boolean overdue = c.overdueOn(today);
        boolean dueSoon = !overdue && next != null && deadlines.dueSoon(next, today);
        return new ComplaintView(c.id(), number(c), c.channel(), c.channel().label(), c.receivedOn(), c.content(),
                c.enterpriseId(), c.enterpriseName(), reporter, phone, c.anonymous(), c.status(), c.status().label(),
                c.acceptDue(), c.closeDue(), c.dueProvisional(), overdue, dueSoon, c.duplicateOf(), c.organizationId(),
                unitName(c.organizationId()), c.assignedUnitId(), c.assignedUnitId() == null ? null : unitName(c.assignedUnitId()),
                c.acceptedOn(), c.rejectedOn(), c.rejectReason(), c.followUp() == null ? null : c.followUp().label(),
                c.followUpNote(), c.reply(), c.repliedOn(), c.closedOn(), c.result(),
                c.rewardStatus() == null ? null : c.rewardStatus().label(), c.rewardFineYuan(), c.rewardYuan(),
                c.rewardBasis(), c.rewardApprovedOn(), c.rewardPaidOn(), c.version());
    }

    private String unitName(long id) {
        return organizations.find(id).map(OrganizationView::name).orElse("");
    }

    static String number(Complaint c) {
        return "举〔" + c.receivedOn().getYear() + "〕" + c.id() + "号";
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
