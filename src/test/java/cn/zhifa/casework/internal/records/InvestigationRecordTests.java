package cn.zhifa.casework.internal.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.casework.OnsiteKind;
import cn.zhifa.casework.PreservationDecision;
import cn.zhifa.casework.RecordInput;
import cn.zhifa.casework.internal.records.RecordEvents.PreservationApprovalRequested;
import cn.zhifa.casework.internal.records.RecordEvents.PreservationApproved;
import cn.zhifa.casework.internal.records.RecordEvents.PreservationDecided;
import cn.zhifa.casework.internal.records.RecordEvents.RecordIssued;
import cn.zhifa.casework.internal.records.RecordEvents.RecordSigned;
import cn.zhifa.casework.internal.records.RecordParts.By;
import cn.zhifa.casework.internal.records.RecordParts.Content;
import cn.zhifa.casework.internal.records.RecordParts.DocumentRef;
import cn.zhifa.casework.internal.records.RecordParts.Named;
import cn.zhifa.casework.internal.records.RecordParts.Person;
import cn.zhifa.casework.internal.records.RecordParts.Signing;
import cn.zhifa.shared.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifecycle of an investigation record, on a fixed clock, without the application context. */
class InvestigationRecordTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZONE);
    static final RecordRules RULES = RecordRules.bundled();
    static final By OFFICER = new By(11, "张三");
    static final By HEAD = new By(21, "王局长");
    static final Signing OFFICERS_ONLY = new Signing(Set.of("officer1", "officer2", "recorder"), Map.of(), null);

    static Instant now() {
        return CLOCK.instant();
    }

    static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    static Content content() {
        return new Content(null, null, "现场仓库东侧", Person.named("赵某"),
                List.of(new Named(11, "张三", "A01"), new Named(12, "李四", "A02")),
                List.of(new RecordInput.QuestionAnswer("问", "答")), List.of(new RecordInput.Item("培训签到表", "A4", "12页", null)),
                "未如实记录安全生产教育和培训情况", null);
    }

    static InvestigationRecord inquiry() {
        return InvestigationRecord.draft(OnsiteKind.INQUIRY, 1, 7, content(), OFFICER, now(), null);
    }

    static InvestigationRecord requested() {
        return InvestigationRecord.requestPreservation(1, 7, content(), "签到表可能被更换", OFFICER, now(), null);
    }

    static Signing partySigned() {
        return new Signing(Set.of("officer1", "officer2", "party"), Map.of(), null);
    }

    static DocumentRef notice() {
        return new DocumentRef(99, "EVIDENCE_PRESERVATION_NOTICE", "先行登记保存证据通知书", "东应保〔2026〕1号");
    }

    static InvestigationRecord issuedInEmergency() {
        InvestigationRecord r = InvestigationRecord.draft(OnsiteKind.PRESERVATION, 1, 7, content(), OFFICER, now(), null);
        r.declareEmergency("当事人正在转移培训档案", RULES);
        r.sign(partySigned(), RULES);
        r.issue(notice(), now(), RULES);
        return r;
    }

    @Test
    void an_inquiry_record_cannot_be_issued_without_the_party_signature_or_a_recorded_refusal() {
        InvestigationRecord r = inquiry();
        assertThat(r.maySign(OFFICERS_ONLY, RULES).reason()).contains("被询问人未签名").contains("不能签发询问笔录")
                .contains("第二十五条");
        assertThatThrownBy(() -> r.sign(OFFICERS_ONLY, RULES)).isInstanceOf(RuleViolation.class);
        assertThat(r.state()).isEqualTo(RecordState.DRAFT);
        assertThat(r.mayIssue(RULES).refused()).isTrue();
        assertThat(r.events()).isEmpty();
    }

    @Test
    void an_inquiry_record_with_the_refusal_and_its_witness_recorded_is_issued() {
        InvestigationRecord r = inquiry();
        r.sign(new Signing(Set.of("officer1", "officer2", "recorder"), Map.of("interviewee", "看过笔录后拒绝签名，见证人：李四"),
                "被询问人拒绝签名"), RULES);
        assertThat(r.state()).isEqualTo(RecordState.SIGNATURE_REFUSED);
        r.issue(new DocumentRef(5, "INQUIRY_RECORD", "询问笔录", null), now(), RULES);
        assertThat(r.state()).isEqualTo(RecordState.ISSUED);
        assertThat(r.events()).hasExactlyElementsOfTypes(RecordSigned.class, RecordIssued.class);
        assertThat(((RecordSigned) r.events().get(0)).refusalRecorded()).isTrue();
    }

    @Test
    void a_record_is_issued_only_once_signed_and_only_once() {
        InvestigationRecord r = InvestigationRecord.draft(OnsiteKind.REPORT, 1, 7, content(), OFFICER, now(), null);
        assertThat(r.mayIssue(RULES).reason()).contains("须先签名");
        r.sign(OFFICERS_ONLY, RULES);
        r.issue(new DocumentRef(6, "INVESTIGATION_REPORT", "案件调查报告", null), now(), RULES);
        assertThat(r.mayIssue(RULES).reason()).contains("已签发");
        assertThat(r.maySign(OFFICERS_ONLY, RULES).reason()).contains("不能再签名");
    }

    @Test
    void a_preservation_cannot_be_signed_or_issued_before_the_heads_approval_article_56() {
        InvestigationRecord r = requested();
        assertThat(r.state()).isEqualTo(RecordState.AWAITING_APPROVAL);
        assertThat(r.events()).hasExactlyElementsOfTypes(PreservationApprovalRequested.class);
        assertThat(r.maySign(partySigned(), RULES).reason()).contains("尚未经行政机关负责人批准").contains("第五十六条");

        InvestigationRecord unapproved = InvestigationRecord.draft(OnsiteKind.PRESERVATION, 1, 7, content(), OFFICER, now(), null);
        unapproved.sign(partySigned(), RULES);
        assertThat(unapproved.mayIssue(RULES).reason()).contains("须经行政机关负责人批准后才能签发").contains("第五十六条")
                .contains("24小时内补办批准手续");
    }

    @Test
    void only_the_head_approves_a_preservation_and_only_once() {
        InvestigationRecord r = requested();
        assertThat(r.mayApprove(false, now(), RULES).reason()).contains("须由行政机关负责人批准").contains("第五十六条");
        r.approve(HEAD, true, "", now(), RULES);
        assertThat(r.state()).isEqualTo(RecordState.APPROVED);
        assertThat(r.approval().opinion()).isEqualTo("同意");
        assertThat(r.approval().afterwards()).isFalse();
        assertThat(r.mayApprove(true, now(), RULES).reason()).contains("不能重复批准");
        assertThat(inquiry().mayApprove(true, now(), RULES).reason()).contains("不需要负责人批准");
    }

    @Test
    void an_approved_preservation_is_signed_by_the_party_and_issued() {
        InvestigationRecord r = requested();
        r.approve(HEAD, true, "同意", now(), RULES);
        assertThat(r.maySign(OFFICERS_ONLY, RULES).reason()).contains("当事人未签名");
        r.sign(partySigned(), RULES);
        r.issue(notice(), now(), RULES);
        assertThat(r.state()).isEqualTo(RecordState.ISSUED);
        assertThat(r.preservedOn(ZONE)).isEqualTo(today());
        assertThat(r.events()).hasExactlyElementsOfTypes(PreservationApprovalRequested.class, PreservationApproved.class,
                RecordSigned.class, RecordIssued.class);
    }

    @Test
    void an_emergency_preservation_needs_its_reason() {
        InvestigationRecord r = InvestigationRecord.draft(OnsiteKind.PRESERVATION, 1, 7, content(), OFFICER, now(), null);
        assertThat(r.mayDeclareEmergency(" ", RULES).reason()).contains("须写明紧急情况").contains("第十九条");
        assertThat(inquiry().mayDeclareEmergency("紧急", RULES).refused()).isTrue();
    }

    @Test
    void an_emergency_preservation_is_issued_at_once_and_approved_afterwards_within_the_configured_hours() {
        InvestigationRecord r = issuedInEmergency();
        assertThat(r.state()).isEqualTo(RecordState.ISSUED);
        assertThat(r.approvalDueAt(RULES)).isEqualTo(now().plus(Duration.ofHours(24)));
        Instant justInTime = now().plus(Duration.ofHours(24));
        assertThat(r.approvalOverdue(justInTime, RULES)).isFalse();
        r.approve(HEAD, true, "同意", justInTime, RULES);
        assertThat(r.approval().afterwards()).isTrue();
        assertThat(r.state()).isEqualTo(RecordState.ISSUED);
        assertThat(r.approvalOverdue(justInTime.plusSeconds(1), RULES)).isFalse();
    }

    @Test
    void an_emergency_preservation_cannot_be_approved_after_the_configured_hours() {
        InvestigationRecord r = issuedInEmergency();
        Instant late = now().plus(Duration.ofHours(24)).plusSeconds(60);
        assertThat(r.approvalOverdue(late, RULES)).isTrue();
        assertThat(r.mayApprove(true, late, RULES).reason()).contains("应当在24小时内补办批准手续").contains("第十九条")
                .contains("应当解除先行登记保存");
        assertThatThrownBy(() -> r.approve(HEAD, true, "同意", late, RULES)).isInstanceOf(RuleViolation.class);
        assertThat(r.approval().given()).isFalse();
    }

    @Test
    void the_preservation_decision_is_made_once_and_flagged_late_after_the_due_day() {
        InvestigationRecord r = issuedInEmergency();
        LocalDate due = today().plusDays(9);
        var outcome = r.decide(PreservationDecision.RELEASED, today().plusDays(10), "已拍照固定", today().plusDays(10), ZONE, due,
                OFFICER, now());
        assertThat(outcome.late()).isTrue();
        assertThat(r.state()).isEqualTo(RecordState.DECIDED);
        assertThat(r.events().get(r.events().size() - 1)).isInstanceOf(PreservationDecided.class);
        assertThat(r.mayDecide().reason()).contains("已于" + today().plusDays(10)).contains("不能重复作出");
    }

    @Test
    void the_preservation_decision_is_dated_between_the_preservation_and_today_with_a_reason() {
        InvestigationRecord r = issuedInEmergency();
        assertThat(r.mayDecide(today().minusDays(1), "理由", today(), today()).reason()).contains("不能早于先行登记保存之日");
        assertThat(r.mayDecide(today().plusDays(1), "理由", today(), today()).reason()).contains("不能晚于今天");
        assertThat(r.mayDecide(today(), " ", today(), today()).reason()).contains("请填写处理理由");
        assertThat(r.mayDecide(today(), "理由", today(), today()).allowed()).isTrue();
    }

    @Test
    void a_preservation_not_yet_issued_has_no_decision() {
        InvestigationRecord r = requested();
        assertThat(r.mayDecide().reason()).contains("尚未签发");
        assertThat(inquiry().mayDecide().reason()).contains("没有处理决定");
    }
}
