package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessTest {

    static final DocumentTemplates templates = DocumentTemplates.standard();
    static final TemplateSummary ORDER = templates.find("RECTIFICATION_ORDER").orElseThrow();

    @Test
    void complete_content_has_nothing_missing() {
        assertThat(templates.missing(SampleDocuments.content(ORDER))).isEmpty();
    }

    @Test
    void a_missing_required_field_is_named_in_chinese() {
        var c = SampleDocuments.content(ORDER);
        var fields = new HashMap<>(c.fields());
        fields.remove("deadline");
        fields.put("problems", List.of());
        var incomplete = new DocumentContent(c.kind(), c.authority(), null, c.date(), fields, c.parties(), c.officers(),
                c.signatures(), c.refusals(), null);
        assertThat(templates.missing(incomplete)).containsExactlyInAnyOrder("缺少必填项：整改期限", "缺少必填项：存在的问题");
    }

    @Test
    void a_missing_party_signature_blocks_issue_until_signed_or_the_refusal_is_recorded() {
        var c = SampleDocuments.content(ORDER);
        var unsigned = c.signatures().stream().filter(s -> !s.area().equals("party")).toList();
        var withoutParty = new DocumentContent(c.kind(), c.authority(), null, c.date(), c.fields(), c.parties(), c.officers(),
                unsigned, List.of(), null);
        assertThat(templates.missing(withoutParty)).containsExactly("缺少签名：被检查单位负责人（签名）（或记录拒绝签名的情况）");

        var refused = new DocumentContent(c.kind(), c.authority(), null, c.date(), c.fields(), c.parties(), c.officers(),
                unsigned, List.of(new SignatureRefusal("party", "当事人拒绝签名", "华明街道安监站刘强")), null);
        assertThat(templates.missing(refused)).isEmpty();
    }

    @Test
    void two_officers_are_required_where_the_template_names_two() {
        var c = SampleDocuments.content(ORDER);
        var one = new DocumentContent(c.kind(), c.authority(), null, c.date(), c.fields(), c.parties(),
                List.of(c.officers().get(0)), c.signatures(), c.refusals(), null);
        assertThat(templates.missing(one)).anyMatch(m -> m.contains("需要2名执法人员"));
    }

    @Test
    void a_field_or_signature_the_template_does_not_have_is_reported() {
        var c = SampleDocuments.content(ORDER);
        var fields = new HashMap<>(c.fields());
        fields.put("fine", "5000");
        var sigs = new java.util.ArrayList<>(c.signatures());
        sigs.add(new DrawnSignature("witness", "某人", SampleDocuments.signaturePng("w")));
        var odd = new DocumentContent(c.kind(), c.authority(), null, c.date(), fields, c.parties(), c.officers(), sigs, List.of(), null);
        assertThat(templates.missing(odd)).contains("字段 fine 不属于责令限期整改指令书", "签名区 witness 不属于责令限期整改指令书");
    }
}
