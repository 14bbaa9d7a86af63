package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PenaltyArticlesTest {

    private final PenaltyArticles articles = PenaltyArticles.bundled();

    @Test
    void every_article_from_93_to_114_is_configured() {
        assertThat(articles.all()).extracting(PenaltyArticle::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(93, 114).boxed().toList());
    }

    @Test
    void article_97_fines_the_unit_up_to_100_thousand_and_more_when_not_corrected() {
        PenaltyArticle article = articles.article(97).orElseThrow();

        assertThat(article.title()).isEqualTo("《中华人民共和国安全生产法》第九十七条");
        assertThat(article.fines()).extracting(PenaltyArticle.Fine::describe).containsExactly(
                "责令限期改正：生产经营单位 10万元以下",
                "逾期未改正：生产经营单位 10万元以上20万元以下",
                "逾期未改正：直接负责的主管人员和其他直接责任人员 2万元以上5万元以下");
        assertThat(article.otherMeasures()).anyMatch(m -> m.contains("停产停业整顿"));
    }

    @Test
    void article_103_uses_multiples_of_illegal_gains() {
        PenaltyArticle.Fine fine = articles.article(103).orElseThrow().fines().get(0);

        assertThat(fine.kind()).isEqualTo(PenaltyArticle.FineKind.GAINS_MULTIPLE);
        assertThat(fine.describe()).contains("违法所得2倍以上5倍以下");
    }

    @Test
    void article_103_paragraph_3_fines_the_construction_unit_and_its_responsible_persons() {
        PenaltyArticle article = articles.article(103).orElseThrow();

        assertThat(article.fines()).extracting(PenaltyArticle.Fine::describe).contains(
                "施工单位未按照规定对施工项目进行安全管理（第三款）：生产经营单位 10万元以下",
                "施工单位未按照规定对施工项目进行安全管理（第三款）：直接负责的主管人员和其他直接责任人员 2万元以下",
                "施工单位非法转让施工资质，违法所得十万元以上（第三款）：生产经营单位 违法所得2倍以上5倍以下",
                "施工单位非法转让施工资质，没有违法所得或者违法所得不足十万元（第三款）：生产经营单位 10万元以上20万元以下",
                "施工单位非法转让施工资质（第三款）：直接负责的主管人员和其他直接责任人员 5万元以上10万元以下");
        assertThat(article.otherMeasures()).anyMatch(m -> m.contains("吊销资质证书"));
        // the rows of paragraphs 1 and 2 keep their places (library codes 103-1 … 103-5)
        assertThat(article.fines().get(3).describe()).startsWith("未签订专门安全生产管理协议");
    }

    @Test
    void article_114_agrees_with_the_accident_fine_calculator() {
        AccidentFines calculator = AccidentFines.bundled();
        PenaltyArticle article = articles.article(114).orElseThrow();
        for (AccidentGrade grade : AccidentGrade.values()) {
            PenaltyArticle.Fine fine = article.fines().stream().filter(f -> f.condition().equals(grade.label()))
                    .findFirst().orElseThrow();
            FineRange range = calculator.unit(grade, false);
            assertThat(fine.min()).isEqualByComparingTo(range.minYuan());
            assertThat(fine.max()).isEqualByComparingTo(range.maxYuan());
        }
        assertThat(BundledLawData.properties().penaltyArticles().effectiveFrom()).hasToString("2021-09-01");
    }

    @Test
    void article_95_agrees_with_the_principal_percentages() {
        PenaltyArticle article = articles.article(95).orElseThrow();
        for (AccidentGrade grade : AccidentGrade.values()) {
            PenaltyArticle.Fine fine = article.fines().stream().filter(f -> f.condition().equals(grade.label()))
                    .findFirst().orElseThrow();
            BigDecimal expected = AccidentFines.bundled().principal(grade, BigDecimal.valueOf(100)).minYuan();
            assertThat(fine.min()).isEqualByComparingTo(expected);
        }
    }

    @Test
    void article_numbers_are_written_in_chinese() {
        assertThat(PenaltyArticles.articleName(93)).isEqualTo("第九十三条");
        assertThat(PenaltyArticles.articleName(100)).isEqualTo("第一百条");
        assertThat(PenaltyArticles.articleName(101)).isEqualTo("第一百零一条");
        assertThat(PenaltyArticles.articleName(110)).isEqualTo("第一百一十条");
        assertThat(PenaltyArticles.articleName(114)).isEqualTo("第一百一十四条");
        assertThat(PenaltyArticles.articleName(10)).isEqualTo("第十条");
    }
}
