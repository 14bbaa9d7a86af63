package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TemplateValidationTest {

    static final Map<String, String> FRAGMENTS = Map.of("rights-decision", "向{authority.government}申请行政复议");

    static String descriptor(String paragraph) {
        return """
                kind: TEST_NOTICE
                title: 测试告知书
                prefix: 测
                parties:
                  - {role: party, label: 当事人}
                fields:
                  - {name: facts, label: 违法事实, kind: block, required: true}
                signatures:
                  - {area: party, label: 当事人（签名）}
                body:
                  - {type: addressee}
                  - {type: paragraph, id: p1, text: "%s"}
                  - {type: fragment, id: rights-decision}
                  - {type: signatures, areas: [party]}
                  - {type: seal}
                """.formatted(paragraph);
    }

    @Test
    void a_template_with_known_placeholders_is_accepted() {
        var set = DocumentTemplates.of(Map.of("t.yml", descriptor("经查，{party.name}存在{facts}，{officer1.name}于{document.date}告知。")), FRAGMENTS);
        assertThat(set.find("TEST_NOTICE")).get().extracting(TemplateSummary::title).isEqualTo("测试告知书");
    }

    @Test
    void a_template_with_an_unknown_placeholder_is_rejected_with_a_chinese_message_naming_it() {
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("t.yml", descriptor("经查，{party.name}存在{fcats}。")), FRAGMENTS))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("文书模板「测试告知书」(t.yml)")
                .hasMessageContaining("占位符 {fcats} 未定义");
    }

    @Test
    void an_unknown_party_attribute_or_role_is_an_unknown_placeholder() {
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("t.yml", descriptor("{party.shoeSize}{witness.name}")), FRAGMENTS))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(((TemplateException) e).problems()).hasSize(2)
                        .anyMatch(m -> m.contains("{party.shoeSize}")).anyMatch(m -> m.contains("{witness.name}")));
    }

    @Test
    void an_unknown_format_modifier_is_rejected() {
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("t.yml", descriptor("{facts|lower}")), FRAGMENTS))
                .hasMessageContaining("格式 lower 不认识");
    }

    @Test
    void a_fragment_with_a_placeholder_the_template_cannot_fill_is_rejected() {
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("t.yml", descriptor("x")), Map.of("rights-decision", "{fine|upper}")))
                .hasMessageContaining("通用段落 rights-decision").hasMessageContaining("占位符 {fine} 未定义");
    }

    @Test
    void an_undeclared_signature_area_and_an_unknown_element_type_are_rejected() {
        String bad = descriptor("x").replace("areas: [party]", "areas: [party, chief]");
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("t.yml", bad), FRAGMENTS)).hasMessageContaining("签名区 chief 未在 signatures 中声明");
        String worse = descriptor("x").replace("type: seal", "type: stamp");
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("t.yml", worse), FRAGMENTS)).hasMessageContaining("正文元素类型 stamp 不认识");
    }

    @Test
    void a_numbered_template_needs_a_prefix_and_kinds_are_unique() {
        String noPrefix = descriptor("x").replace("prefix: 测\n", "");
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("t.yml", noPrefix), FRAGMENTS)).hasMessageContaining("必须有代字");
        assertThatThrownBy(() -> DocumentTemplates.of(Map.of("a.yml", descriptor("x"), "b.yml", descriptor("y")), FRAGMENTS))
                .hasMessageContaining("文书种类 TEST_NOTICE 重复");
    }

    @Test
    void an_authority_override_with_an_unknown_placeholder_or_paragraph_is_refused() {
        var set = DocumentTemplates.standard();
        var a = SampleDocuments.authority();
        var bad = new Authority(a.organizationId(), a.name(), a.shortName(), a.government(), null, a.court(), a.address(),
                a.postcode(), a.contact(), a.phone(), a.paymentOffice(), a.paymentAccount(), Map.of("PENALTY_NOTICE", "应急罚告"),
                Map.of("RECTIFICATION_ORDER.order", "限{deadlin}前整改", "RECTIFICATION_ORDER.nope", "x", "fragment.payment", "缴至{authority.bank}"));
        assertThat(set.checkAuthority(bad)).hasSize(4)
                .anyMatch(m -> m.contains("{deadlin}") && m.contains("《责令限期整改指令书》"))
                .anyMatch(m -> m.contains("没有这个文书段落"))
                .noneMatch(m -> m.contains("RECTIFICATION_ORDER") || m.contains("fragment."))
                .anyMatch(m -> m.contains("{authority.bank}"))
                .anyMatch(m -> m.contains("不含“应急”"));
        var content = SampleDocuments.content(set.find("RECTIFICATION_ORDER").orElseThrow());
        var withBad = new DocumentContent(content.kind(), bad, null, content.date(), content.fields(), content.parties(),
                content.officers(), content.signatures(), content.refusals(), null);
        assertThatThrownBy(() -> set.render(withBad)).isInstanceOf(TemplateException.class);
    }

    @Test
    void an_authority_adjusts_wording_and_prefix_without_code() throws Exception {
        var set = DocumentTemplates.standard();
        var a = SampleDocuments.authority();
        var own = new Authority(a.organizationId(), a.name(), "东丽", a.government(), null, a.court(), a.address(),
                a.postcode(), a.contact(), a.phone(), a.paymentOffice(), a.paymentAccount(), Map.of("RECTIFICATION_ORDER", "限改"),
                Map.of("RECTIFICATION_ORDER.meanwhile", "整改期间，你单位应当加强现场管理，确保安全。"));
        assertThat(set.checkAuthority(own)).isEmpty();
        assertThat(set.prefix("RECTIFICATION_ORDER", own)).isEqualTo("应急限改");
        var c = SampleDocuments.content(set.find("RECTIFICATION_ORDER").orElseThrow());
        var draft = new DocumentContent(c.kind(), own, null, c.date(), c.fields(), c.parties(), c.officers(), c.signatures(), c.refusals(), null);
        try (var pdf = Loader.loadPDF(set.render(draft).pdf())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("[ \\u2009]", "");
            assertThat(text).contains("加强现场管理").doesNotContain("对安全生产违法行为，将依法予以行政处罚")
                    .contains("（东丽）应急限改〔").contains("草稿");
        }
    }

    @Test
    void the_shipped_templates_are_all_valid_and_cover_every_field_kind() {
        var kinds = DocumentTemplates.standard().kinds();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(25);
        assertThat(kinds).extracting(TemplateSummary::kind).doesNotHaveDuplicates();
        List<String> withoutNumber = kinds.stream().filter(k -> !k.numbered()).map(TemplateSummary::title).toList();
        assertThat(withoutNumber).containsExactlyInAnyOrder("询问笔录", "听证笔录");
        var counts = new HashMap<String, Integer>();
        kinds.forEach(k -> counts.merge(k.prefix(), 1, Integer::sum));
        assertThat(counts.get("罚")).isEqualTo(2);
    }
}
