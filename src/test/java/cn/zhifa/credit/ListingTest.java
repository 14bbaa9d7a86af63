package cn.zhifa.credit;

import cn.zhifa.credit.internal.CreditPolicy;
import cn.zhifa.credit.internal.Listing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ListingTest {

    static final LocalDate NOTIFIED = LocalDate.of(2026, 9, 21);
    static final LocalDate DUE = LocalDate.of(2026, 9, 28);

    static Listing listing(Listing.Status status, String statement, LocalDate decided) {
        return new Listing(1L, 2, "示例化工有限公司", "91350100M000100Y43", 3, "示例市东城区应急管理局", "6-1", "第六条第（一）项：…",
                null, "（东城）应急罚〔2026〕1号", status, NOTIFIED.minusDays(2), NOTIFIED, DUE, statement, decided, null, null,
                decided == null ? null : decided.plusYears(3), decided == null ? null : decided.plusMonths(12), null, null, null,
                null, null, null, 0);
    }

    @Test
    void a_listing_is_not_decided_before_the_party_was_told() {
        assertThat(listing(Listing.Status.PROPOSED, null, null).mayDecide(DUE.plusDays(10)).reason()).contains("告知当事人之后");
    }

    @Test
    void a_listing_waits_for_the_statement_period_unless_the_party_argued_back() {
        assertThat(listing(Listing.Status.NOTIFIED, null, null).mayDecide(DUE).reason()).contains("陈述申辩期至 2026-09-28");
        assertThat(listing(Listing.Status.NOTIFIED, null, null).mayDecide(DUE.plusDays(1)).allowed()).isTrue();
        assertThat(listing(Listing.Status.NOTIFIED, "无异议", null).mayDecide(NOTIFIED).allowed()).isTrue();
    }

    @Test
    void early_removal_is_open_only_after_the_minimum_term() {
        Listing listed = listing(Listing.Status.LISTED, null, LocalDate.of(2026, 10, 8));

        assertThat(listed.mayRemoveEarly(LocalDate.of(2027, 10, 7)).reason()).contains("2027-10-08 起");
        assertThat(listed.mayRemoveEarly(LocalDate.of(2027, 10, 8)).allowed()).isTrue();
        assertThat(listing(Listing.Status.NOTIFIED, null, null).mayRemoveEarly(LocalDate.of(2030, 1, 1)).refused()).isTrue();
    }

    @Test
    void the_public_list_shows_a_listing_until_its_term_ends() {
        Listing listed = listing(Listing.Status.LISTED, null, LocalDate.of(2026, 10, 8));

        assertThat(listed.publishedOn(LocalDate.of(2029, 10, 7))).isTrue();
        assertThat(listed.publishedOn(LocalDate.of(2029, 10, 8))).isFalse();
        assertThat(listed.expiredOn(LocalDate.of(2029, 10, 8))).isTrue();
    }

    @Test
    void the_configured_grounds_carry_their_article_and_confirmation() {
        CreditPolicy policy = CreditPolicy.bundled();

        assertThat(policy.grounds()).hasSize(9);
        assertThat(policy.ground("6-1").orElseThrow().detect()).isEqualTo(CreditPolicy.Detect.ACCIDENT_MAJOR);
        assertThat(policy.ground("6-2").orElseThrow().label()).startsWith("第六条第（二）项：12个月内累计发生2起以上较大生产安全事故");
        assertThat(policy.ground("7-4").orElseThrow().confirmed()).isFalse();
        assertThat(policy.repairConditions()).extracting(CreditPolicy.RepairCondition::code)
                .containsExactly("FINE_PAID", "HARM_ELIMINATED", "NO_RECURRENCE");
        assertThat(policy.listedMinimumAnnualFrequency()).isPositive();
    }
}
