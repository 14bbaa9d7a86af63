package cn.zhifa.casework;

import static cn.zhifa.casework.Checks.notBlank;
import static cn.zhifa.casework.Checks.require;

import cn.zhifa.law.Deadline;
import cn.zhifa.shared.Verdict;
import java.time.LocalDate;

/**
 * The 听证 of a case, part of the {@link PenaltyCase} aggregate (same table), 行政处罚法第六十三条至第六十五条: the party's
 * request within the period after the notice, the 听证通知书 seven working days ahead (with place, presiding officer, public
 * or closed), postponement, the end without a hearing (withdrawn, absent: 第六十四条第六项), and the hearing held.
 */
class Hearing {

    private LocalDate hearingRequestedOn;
    private LocalDate hearingOn;
    private LocalDate hearingNotifiedOn;
    private LocalDate heardOn;
    private String hearingPlace;
    private String hearingPrivateReason;
    private boolean heard;

    Hearing() {
    }

    /** A request after a notice that gave the right, not waived or spent, within the request period. */
    Verdict mayRequest(boolean hearingRight, boolean statementWaived, LocalDate notifiedOn, LocalDate day, CasePeriods periods) {
        if (!hearingRight) {
            return Verdict.refuse("本案拟作出的处罚不属于听证范围（行政处罚法第六十三条）。");
        }
        if (statementWaived) {
            return Verdict.refuse("当事人已书面放弃听证权利。");
        }
        if (rightSpent()) {
            return Verdict.refuse("当事人已撤回听证申请或者拒不出席听证，视为放弃听证权利（行政处罚法第六十四条第六项）。");
        }
        Deadline due = periods.hearingRequestDue(notifiedOn);
        if (due.isOverdueOn(day)) {
            return Verdict.refuse("听证申请期限已于" + due.due() + "届满（" + due.basis() + "），不再受理听证申请。");
        }
        return Verdict.allow();
    }

    void request(LocalDate day) {
        hearingRequestedOn = day;
    }

    /** The notice is served seven working days before the hearing (第六十四条第二项). */
    static Verdict mayNotify(LocalDate noticeDay, LocalDate hearingDay, CasePeriods periods) {
        if (hearingDay == null) {
            return Verdict.refuse("请填写举行听证的日期。");
        }
        Deadline latest = periods.latestHearingNotice(hearingDay);
        if (noticeDay.isAfter(latest.due())) {
            return Verdict.refuse("听证通知应于举行听证的七个工作日前送达：" + hearingDay + "举行听证的，最迟应于" + latest.due()
                    + "通知（" + latest.basis() + "）。请改定听证日期。");
        }
        return Verdict.allow();
    }

    /** The 听证通知书's content as the step records it. */
    String schedule(LocalDate noticeDay, LocalDate hearingDay, String presidingOfficer, String place, String privateReason) {
        hearingOn = hearingDay;
        hearingNotifiedOn = noticeDay;
        hearingPlace = notBlank(place) ? place.strip() : null;
        hearingPrivateReason = notBlank(privateReason) ? privateReason.strip() : null;
        return "送达听证通知书：定于" + hearingDay + (hearingPlace == null ? "" : "在" + hearingPlace)
                + "举行听证，主持人" + presidingOfficer.strip() + "；" + (hearingPrivateReason == null ? "公开举行"
                : "不公开举行（" + hearingPrivateReason + "，行政处罚法第六十四条第三项）");
    }

    /** 延期举行听证: a later date, again notified seven working days ahead (第六十四条第二项). */
    String postpone(LocalDate noticeDay, LocalDate newDay, String reason, CasePeriods periods) {
        require(notBlank(reason), "请填写延期举行听证的理由。");
        require(newDay != null && newDay.isAfter(hearingOn), "延期后的听证日期应晚于原定的" + hearingOn + "。");
        Deadline latest = periods.latestHearingNotice(newDay);
        require(!noticeDay.isAfter(latest.due()), "听证通知应于举行听证的七个工作日前送达：" + newDay + "举行听证的，最迟应于"
                + latest.due() + "通知（" + latest.basis() + "）。请改定听证日期。");
        LocalDate was = hearingOn;
        hearingOn = newDay;
        hearingNotifiedOn = noticeDay;
        return "听证由" + was + "延期至" + newDay + "举行，理由：" + reason.strip() + "；已重新通知当事人";
    }

    /** Withdrawn at any time; absence or leaving only on the hearing day (第六十四条第六项). */
    String endUnheld(boolean scheduled, LocalDate day, HearingEnding how, String note) {
        require(how != null, "请选择终止听证的情形（撤回申请、拒不出席或中途退出）。");
        require(how == HearingEnding.WITHDRAWN || scheduled && !day.isBefore(hearingOn),
                "当事人拒不出席或中途退出听证，应在听证举行之日（" + (hearingOn == null ? "尚未通知" : hearingOn.toString()) + "）登记。");
        return how.label() + (how == HearingEnding.WITHDRAWN ? "" : "，视为放弃听证权利")
                + "，终止听证（行政处罚法第六十四条第六项）" + (notBlank(note) ? "：" + note.strip() : "");
    }

    /** True when the party requested a hearing that ended without being held (withdrawn or absent). */
    boolean rightSpent() {
        return hearingRequestedOn != null && !heard;
    }

    Verdict mayHold(LocalDate day) {
        return day.isBefore(hearingOn) ? Verdict.refuse("听证定于" + hearingOn + "举行，不能提前记录听证。") : Verdict.allow();
    }

    /** 听证笔录 and 听证会报告书. */
    String hold(LocalDate day, String record, String report) {
        require(notBlank(record) && notBlank(report), "请填写听证笔录要点和听证会报告意见。");
        heardOn = day;
        heard = true;
        return "听证笔录：" + record.strip() + "；听证会报告：" + report.strip();
    }

    boolean heard() { return heard; }
    LocalDate requestedOn() { return hearingRequestedOn; }
    LocalDate on() { return hearingOn; }
    LocalDate notifiedOn() { return hearingNotifiedOn; }
    LocalDate heardOn() { return heardOn; }
    String place() { return hearingPlace; }
    String privateReason() { return hearingPrivateReason; }
}
