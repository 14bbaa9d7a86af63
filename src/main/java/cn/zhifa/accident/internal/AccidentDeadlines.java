package cn.zhifa.accident.internal;

import cn.zhifa.accident.AccidentDeadline;
import cn.zhifa.accident.AccidentDeadline.Status;
import cn.zhifa.accident.AccidentKind;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.Deadline;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.LegalCalendar.RestDays;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines of an accident: reporting within hours (条例第九至十一条), the 续报 period (第十三条), the investigation
 * (第二十九条), the 批复 (第三十二条) and the evaluation within a year (安全生产法第八十六条). They bind the authorities, so a
 * last day on a rest day is never moved (calendar days, {@link RestDays#KEEP}).
 */
public class AccidentDeadlines {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AccidentRules rules;
    private final LegalCalendar calendar;

    public AccidentDeadlines(AccidentRules rules, LegalCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    public AccidentRules rules() {
        return rules;
    }

    /** The unit's report to the county-level bureau: within the hours of 条例第九条 from the accident. */
    public LocalDateTime firstReportDue(LocalDateTime occurredAt) {
        return occurredAt.plusHours(rules.firstReport().hours());
    }

    /** The levels an accident of {@code grade} is reported up to (条例第十条), each within 2 hours more (第十一条). */
    public List<String> levels(AccidentGrade grade) {
        return rules.upward().levels().getOrDefault(grade, List.of());
    }

    /** The last moment the bureau's report reaches the {@code level}-th level above it (1 = the next one up). */
    public LocalDateTime upwardDue(LocalDateTime receivedAt, int level) {
        return receivedAt.plusHours((long) rules.upward().hoursPerLevel() * level);
    }

    /** The end of the 续报 period: 30 days from the accident, 7 for road traffic and fire (第十三条). */
    public Deadline supplementDue(LocalDate occurredOn, AccidentKind kind) {
        return calendar.addCalendarDays(occurredOn, kind.roadOrFire() ? rules.supplement().roadAndFireDays()
                : rules.supplement().days(), RestDays.KEEP);
    }

    /** The investigation report: 60 days from the accident, with at most one approved extension of 60 days (第二十九条). */
    public Deadline investigationDue(LocalDate occurredOn, boolean extended) {
        AccidentRules.Investigation i = rules.investigation();
        return calendar.addCalendarDays(occurredOn, i.days() + (extended ? i.extensionDays() : 0), RestDays.KEEP);
    }

    /** The 批复: 15 days from receiving the report; 特别重大 30, extendable by at most 30 (第三十二条). */
    public Deadline approvalDue(AccidentGrade grade, LocalDate reportReceivedOn, boolean extended) {
        int days = rules.approval().days().get(grade) + (extended ? rules.approval().extensionDays().getOrDefault(grade, 0) : 0);
        return calendar.addCalendarDays(reportReceivedOn, days, RestDays.KEEP);
    }

    public boolean approvalExtendable(AccidentGrade grade) {
        return rules.approval().extensionDays().getOrDefault(grade, 0) > 0;
    }

    /** The evaluation of the measures' implementation within a year of the 批复 (安全生产法第八十六条). */
    public Deadline evaluationDue(LocalDate approvedOn) {
        return calendar.addMonths(approvedOn, rules.evaluation().months(), RestDays.KEEP);
    }

    public String investigationBody(AccidentGrade grade) {
        return rules.investigation().bodies().get(grade);
    }

    /** Who supervises the handling (挂牌督办) of an accident of {@code grade}, if anyone (较大 and above). */
    public String supervisedBy(AccidentGrade grade) {
        return rules.supervision().by().get(grade);
    }

    /** Every deadline of {@code a} as it stands at {@code now}. */
    public List<AccidentDeadline> schedule(Accident a, LocalDateTime now) {
        List<AccidentDeadline> out = new ArrayList<>();
        LocalDateTime first = firstReportDue(a.occurredAt());
        out.add(new AccidentDeadline("事故发生单位报告", HOUR.format(first),
                "事故发生后" + rules.firstReport().hours() + "小时内报告县级以上应急管理部门；本部门接报时间 "
                        + HOUR.format(a.receivedAt()) + "。依据：" + rules.firstReport().source(), false,
                a.receivedAt().isAfter(first) ? Status.LATE : Status.MET));
        List<String> levels = levels(a.grade());
        for (int i = 0; i < levels.size(); i++) {
            LocalDateTime due = upwardDue(a.receivedAt(), i + 1);
            Status status = i > 0 ? Status.REFERENCE : a.forwardedAt() == null ? (now.isAfter(due) ? Status.OVERDUE : Status.OPEN)
                    : a.forwardedAt().isAfter(due) ? Status.LATE : Status.MET;
            out.add(new AccidentDeadline("上报" + levels.get(i), HOUR.format(due),
                    "自接报起逐级上报，每级不超过" + rules.upward().hoursPerLevel() + "小时"
                            + (i == 0 && a.forwardedAt() != null ? "；实际上报 " + HOUR.format(a.forwardedAt()) : "")
                            + "。依据：" + rules.upward().source(), false, status));
        }
        Deadline supplement = supplementDue(a.occurredAt().toLocalDate(), a.kind());
        out.add(day("伤亡人数变化续报期限", supplement, rules.supplement().source(), null, now.toLocalDate(), true));
        if (a.investigationStartedOn() != null || a.reportReceivedOn() != null) {
            Deadline inv = investigationDue(a.occurredAt().toLocalDate(), a.investigationExtended());
            out.add(day(a.investigationExtended() ? "提交事故调查报告（已延期）" : "提交事故调查报告", inv,
                    rules.investigation().source(), a.reportReceivedOn(), now.toLocalDate(), false));
        }
        if (a.reportReceivedOn() != null) {
            Deadline approval = approvalDue(a.grade(), a.reportReceivedOn(), a.approvalExtended());
            out.add(day(a.approvalExtended() ? "批复事故调查报告（已延长）" : "批复事故调查报告", approval,
                    rules.approval().source(), a.approvedOn(), now.toLocalDate(), false));
        }
        if (a.approvedOn() != null) {
            out.add(day("整改和防范措施落实情况评估", evaluationDue(a.approvedOn()), rules.evaluation().source(),
                    a.evaluatedOn(), now.toLocalDate(), false));
        }
        return out;
    }

    private static AccidentDeadline day(String label, Deadline d, String source, LocalDate doneOn, LocalDate today, boolean window) {
        Status status = window ? (today.isAfter(d.due()) ? Status.ENDED : Status.OPEN)
                : doneOn != null ? (doneOn.isAfter(d.due()) ? Status.LATE : Status.MET)
                : today.isAfter(d.due()) ? Status.OVERDUE : Status.OPEN;
        return new AccidentDeadline(label, d.due().toString(), d.basis() + "依据：" + source, d.provisional(), status);
    }
}
