package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistVersionTests {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static ChecklistTemplate first() {
        return new ChecklistTemplate(1L, "GM-DUST", 1, "粉尘涉爆企业专项检查", "工贸", "粉尘涉爆", "部令第10号", true, "初始导入",
                "system", NOW, List.of(new ChecklistTemplate.Item("GM-11-6", "锁气卸灰装置", "第十一条第（六）项", true,
                "GM-11-6", "DUST", "R", "铝镁等金属粉尘、木质粉尘的干式除尘系统未设置锁气卸灰装置")));
    }

    @Test
    void a_revision_is_a_new_version_and_the_old_one_stops_being_current() {
        ChecklistTemplate v1 = first();
        ChecklistTemplate v2 = v1.revise(null, List.of(new ChecklistTemplate.Item("GM-11-6", "核对后的表述", "第十一条第（六）项",
                true, "GM-11-6", "DUST", "V", "核对后的违法情形")), "对照国务院公报核对", "admin", NOW);
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.isCurrent()).isTrue();
        assertThat(v1.isCurrent()).isFalse();
        assertThat(v1.getItems().get(0).content()).as("the old version keeps its text").isEqualTo("锁气卸灰装置");
        assertThat(v2.getItems().get(0).needsReview()).isFalse();
    }

    @Test
    void recalled_rows_are_flagged_for_review() {
        assertThat(first().getItems().get(0).needsReview()).isTrue();
        assertThat(first().getItems().get(0).verificationLabel()).isEqualTo("待核对");
    }

    @Test
    void a_revision_needs_a_reason_and_complete_unique_items() {
        assertThatThrownBy(() -> first().revise(null, first().getItems(), " ", "admin", NOW)).hasMessageContaining("修订理由");
        var item = first().getItems().get(0);
        assertThatThrownBy(() -> first().revise(null, List.of(item, item), "重复", "admin", NOW)).hasMessageContaining("不能重复");
        assertThatThrownBy(() -> first().revise(null, List.of(new ChecklistTemplate.Item("X", "内容", "", false, null, null, "V")),
                "缺依据", "admin", NOW)).hasMessageContaining("法律依据");
    }

    @Test
    void a_revised_item_states_both_its_requirement_and_its_violation() {
        assertThatThrownBy(() -> first().revise(null, List.of(new ChecklistTemplate.Item("AQ-28", "对从业人员进行安全生产教育和培训",
                "《安全生产法》第二十八条", false, null, null, "V")), "新增", "admin", NOW)).hasMessageContaining("违法情形");
        ChecklistTemplate v2 = first().revise(null, List.of(new ChecklistTemplate.Item("AQ-28", "对从业人员进行安全生产教育和培训",
                "《安全生产法》第二十八条", false, null, null, "V", "未对从业人员进行安全生产教育和培训")), "新增", "admin", NOW);
        assertThat(v2.getItems().get(0).violationText()).isEqualTo("未对从业人员进行安全生产教育和培训");
        assertThat(v2.getItems().get(0).content()).isEqualTo("对从业人员进行安全生产教育和培训");
    }

    @Test
    void only_the_current_version_can_be_revised() {
        ChecklistTemplate v1 = first();
        v1.revise(null, v1.getItems(), "第一次修订", "admin", NOW);
        assertThatThrownBy(() -> v1.revise(null, v1.getItems(), "基于旧版", "admin", NOW)).hasMessageContaining("当前版本");
    }
}
