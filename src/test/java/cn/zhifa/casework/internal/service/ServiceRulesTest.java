package cn.zhifa.casework.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casework.CasePeriods;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Service of documents (行政处罚法第六十一条; 民事诉讼法第九十五条), plain JUnit on fixed days. */
class ServiceRulesTest {

    static final CasePeriods PERIODS = CasePeriods.bundled();
    static final ServiceRules RULES = new ServiceRules(PERIODS);
    static final LocalDate ISSUED = LocalDate.parse("2026-03-02");
    static final LocalDate TODAY = LocalDate.parse("2026-03-20");
    static final AddressConfirmation CONSENT = new AddressConfirmation(1L, "示例市东城区", "张海涛", null, "zhang@example.cn", true,
            "张海涛", ISSUED, "送确〔2026〕1号");

    @Test
    void a_public_notice_is_deemed_served_thirty_days_after_the_announcement() {
        assertThat(RULES.servedOn(ServiceMethod.PUBLIC_NOTICE, LocalDate.parse("2026-03-02"))).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(PERIODS.publicNoticeServed(LocalDate.parse("2026-03-02")).basis()).contains("民事诉讼法》第九十五条");
    }

    @Test
    void postal_service_counts_from_the_day_on_the_receipt_and_direct_service_from_the_day_signed() {
        assertThat(RULES.servedOn(ServiceMethod.POSTAL, LocalDate.parse("2026-03-05"))).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(RULES.servedOn(ServiceMethod.DIRECT, LocalDate.parse("2026-03-03"))).isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @Test
    void the_statement_period_runs_from_the_postal_service_not_from_the_issue_date() {
        LocalDate served = RULES.servedOn(ServiceMethod.POSTAL, LocalDate.parse("2026-03-05")); // a Thursday
        assertThat(PERIODS.statementDue(served).due()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(PERIODS.statementDue(ISSUED).due()).isEqualTo(LocalDate.parse("2026-03-05"));
    }

    @Test
    void electronic_service_without_a_signed_confirmation_with_consent_is_refused_with_the_article() {
        var refused = RULES.mayRecord(ServiceMethod.ELECTRONIC, ISSUED, LocalDate.parse("2026-03-03"), Optional.empty(), TODAY);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.reason()).contains("送达地址确认书").contains("行政处罚法第六十一条第二款");
        AddressConfirmation noConsent = new AddressConfirmation(1L, "示例市东城区", "张海涛", null, "zhang@example.cn", false,
                "张海涛", ISSUED, null);
        assertThat(RULES.mayRecord(ServiceMethod.ELECTRONIC, ISSUED, LocalDate.parse("2026-03-03"), Optional.of(noConsent), TODAY)
                .refused()).isTrue();
        assertThat(RULES.mayRecord(ServiceMethod.ELECTRONIC, ISSUED, LocalDate.parse("2026-03-03"), Optional.of(CONSENT), TODAY)
                .allowed()).isTrue();
    }

    @Test
    void a_service_date_before_the_document_was_issued_is_refused_with_the_article() {
        var refused = RULES.mayRecord(ServiceMethod.DIRECT, ISSUED, LocalDate.parse("2026-03-01"), Optional.empty(), TODAY);
        assertThat(refused.reason()).contains("不能早于文书签发日期（2026-03-02）").contains("行政处罚法第六十一条");
    }

    @Test
    void a_service_date_in_the_future_or_missing_is_refused() {
        assertThat(RULES.mayRecord(ServiceMethod.DIRECT, ISSUED, LocalDate.parse("2026-03-21"), Optional.empty(), TODAY).reason())
                .contains("不能晚于今天");
        assertThat(RULES.mayRecord(ServiceMethod.POSTAL, ISSUED, null, Optional.empty(), TODAY).reason())
                .isEqualTo("请填写邮件回执上注明的收件日期。");
    }

    @Test
    void the_method_on_a_paper_receipt_is_read_from_its_words_and_unknown_words_name_none() {
        assertThat(ServiceMethod.named("直接送达")).contains(ServiceMethod.DIRECT);
        assertThat(ServiceMethod.named("留置送达（见证人王某）")).contains(ServiceMethod.LODGED);
        assertThat(ServiceMethod.named(" 邮寄")).contains(ServiceMethod.POSTAL);
        assertThat(ServiceMethod.named("短信通知")).isEmpty();
        assertThat(ServiceMethod.named(null)).isEmpty();
    }
}
