package cn.zhifa.casework;

import cn.zhifa.law.Deadline;
import cn.zhifa.law.LawBook;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.ProcedureRules;
import cn.zhifa.law.StatutoryPeriods;
import java.time.LocalDate;
import java.util.Objects;

/** The procedure's statutory periods, computed by law's {@link StatutoryPeriods} on the {@link LegalCalendar}. */
public final class CasePeriods {

    private final StatutoryPeriods periods;
    private final LegalCalendar calendar;
    private final ProcedureRules procedure;
    private final CaseworkRules rules;

    public CasePeriods(StatutoryPeriods periods, LegalCalendar calendar, ProcedureRules procedure, CaseworkRules rules) {
        this.periods = Objects.requireNonNull(periods);
        this.calendar = Objects.requireNonNull(calendar);
        this.procedure = Objects.requireNonNull(procedure);
        this.rules = Objects.requireNonNull(rules);
    }

    public static CasePeriods bundled() {
        LawBook law = LawBook.bundled();
        return new CasePeriods(law.periods(), law.calendar(), law.procedure(), CaseworkRules.bundled());
    }

    public LegalCalendar calendar() {
        return calendar;
    }

    public ProcedureRules procedure() {
        return procedure;
    }

    public CaseworkRules rules() {
        return rules;
    }

    /** The configured statutory periods the deadlines are computed from. */
    public java.util.Collection<cn.zhifa.law.StatutoryPeriod> statutoryPeriods() {
        return periods.all();
    }

    /** 作出处罚决定期限 from 立案, after {@code extensions} approved extensions. */
    public Deadline decisionDue(LocalDate filedOn, int extensions) {
        return periods.due(decisionPeriod(extensions, filedOn), filedOn);
    }

    public PeriodCode decisionPeriod(int extensions) {
        return decisionPeriod(extensions, null);
    }

    /** The period code for a case filed on {@code filedOn}: the rules in force on its 立案 date. */
    public PeriodCode decisionPeriod(int extensions, LocalDate filedOn) {
        var version = rules.decisionPeriod().on(filedOn);
        if (extensions <= 0) {
            return version.initial();
        }
        var list = version.extensions();
        return list.get(Math.min(extensions, list.size()) - 1);
    }

    public int maxExtensions() {
        return rules.decisionPeriod().extensions().size();
    }

    public Deadline statementDue(LocalDate notifiedOn) {
        return periods.due(PeriodCode.STATEMENT_AND_DEFENCE, notifiedOn);
    }

    public Deadline hearingRequestDue(LocalDate notifiedOn) {
        return periods.due(PeriodCode.HEARING_REQUEST, notifiedOn);
    }

    /** The last day the hearing notice may be served before a hearing on {@code hearingOn}. */
    public Deadline latestHearingNotice(LocalDate hearingOn) {
        return periods.due(PeriodCode.HEARING_NOTICE, hearingOn);
    }

    public Deadline serviceDue(LocalDate decidedOn) {
        return periods.due(PeriodCode.SERVICE_OF_DECISION, decidedOn);
    }

    public Deadline paymentDue(LocalDate servedOn) {
        return periods.due(PeriodCode.PAYMENT, servedOn);
    }

    public Deadline reconsiderationDue(LocalDate servedOn) {
        return periods.due(PeriodCode.ADMINISTRATIVE_RECONSIDERATION, servedOn);
    }

    public Deadline litigationDue(LocalDate servedOn) {
        return periods.due(PeriodCode.ADMINISTRATIVE_LITIGATION, servedOn);
    }

    /** 申请法院强制执行: within 3 months after the 复议 and 诉讼 periods lapsed. */
    public Deadline courtApplicationDue(LocalDate servedOn) {
        return periods.due(PeriodCode.COURT_ENFORCEMENT_APPLICATION, litigationDue(servedOn).due());
    }

    /**
     * The last day a party may still challenge a decision served on {@code servedOn}: the 诉讼 period (6 months,
     * 行政诉讼法第四十六条), or for a 当场处罚 the 复议 period alone, since it must first go to 复议 (行政复议法第二十三条).
     */
    public Deadline challengeEnds(LocalDate servedOn, boolean onTheSpot) {
        return onTheSpot ? reconsiderationDue(servedOn) : litigationDue(servedOn);
    }

    /** 申请法院强制执行 within 3 months from {@code start} (行政强制法第五十三条; 行诉法解释第一百五十六条). */
    public Deadline courtApplicationDueFrom(LocalDate start) {
        return periods.due(PeriodCode.COURT_ENFORCEMENT_APPLICATION, start);
    }

    /** The earliest day after a 催告 that enforcement may be applied for (10 working days after service of the 催告书). */
    public Deadline reminderWaitEnds(LocalDate remindedOn) {
        return periods.due(PeriodCode.ENFORCEMENT_AFTER_REMINDER, remindedOn);
    }

    /** 查封、扣押期限 from the day of the measure, the extended period after its one approved extension. */
    public Deadline measureDue(LocalDate appliedOn, boolean extended) {
        return periods.due(extended ? PeriodCode.SEIZURE_EXTENDED : PeriodCode.SEIZURE, appliedOn);
    }

    /** A measure's term moved on by the testing days it does not count (行政强制法第二十五条第三款). */
    public static Deadline withoutTesting(Deadline statutory, long testingDays) {
        if (testingDays <= 0) {
            return statutory;
        }
        LocalDate due = statutory.due().plusDays(testingDays);
        return new Deadline(statutory.from(), statutory.length() + (int) testingDays, statutory.counting(), due, statutory.provisional(),
                statutory.basis() + "；不计检测、检验、检疫或者技术鉴定期间" + testingDays + "日（行政强制法第二十五条第三款），至" + due + "。");
    }

    /** The days one extension adds (the extended period less the initial one), from law's configuration. */
    public int measureExtensionDays() {
        return periods.period(PeriodCode.SEIZURE_EXTENDED).length() - periods.period(PeriodCode.SEIZURE).length();
    }

    /** 先行登记保存处理决定期限 from the day the evidence was preserved (行政处罚法第五十六条). */
    public Deadline preservationDue(LocalDate preservedOn) {
        return periods.due(PeriodCode.EVIDENCE_PRESERVATION, preservedOn);
    }

    /** 追责时效 (行政处罚法第三十六条): two years, five where life and health were endangered with consequences; not rolled. */
    public Deadline limitationDue(LocalDate from, boolean lifeAndHealth) {
        return periods.due(lifeAndHealth ? PeriodCode.LIMITATION_LIFE_AND_HEALTH : PeriodCode.LIMITATION, from);
    }

    public Deadline publicityDue(LocalDate decidedOn) {
        return periods.due(PeriodCode.PUBLICITY_OF_DECISION, decidedOn);
    }

    /** E.g. "3个工作日", from law's configuration. */
    public String label(PeriodCode code) {
        return periods.period(code).lengthLabel();
    }

    /** True when {@code due} is no more than the configured working days ahead of {@code today}. */
    public boolean near(LocalDate today, LocalDate due) {
        if (today.isAfter(due)) {
            return false;
        }
        return calendar.workingDaysBetween(today, due).workingDays() <= rules.warning().nearWorkingDays();
    }

    /** 公告送达: deemed served when law's configured period from the announcement has passed (民事诉讼法第九十五条). */
    public Deadline publicNoticeServed(LocalDate announcedOn) {
        return periods.due(PeriodCode.PUBLIC_NOTICE_SERVICE, announcedOn);
    }
}
