package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V5_5 seeds the 工贸 industry sections (第四条至第十条) and the 20 烟花爆竹 items, recalled rows marked R (待核对). */
@ZhifaIntegrationTest
class ChecklistSeedTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_industry_and_fireworks_checklists_are_seeded_with_their_item_counts() {
        Map<String, Long> counts = jdbc.sql("""
                        SELECT t.code, count(i.code) FROM checklist_template t JOIN checklist_item i ON i.template_id = t.id
                        WHERE t.version = 1 AND t.code IN ('GM-YJ','GM-YS','GM-JC','GM-JX','GM-QG','GM-FZ','GM-YC','YH')
                        GROUP BY t.code""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // 冶金 8, 有色 13, 建材 8, 机械 7, 轻工 7 + 纺织 2 + 烟草 2 = 47 行业类 items; 烟花爆竹 20
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("GM-YJ", 8L, "GM-YS", 13L, "GM-JC", 8L, "GM-JX", 7L,
                "GM-QG", 7L, "GM-FZ", 2L, "GM-YC", 2L, "YH", 20L));
        assertThat(jdbc.sql("SELECT verification FROM checklist_item WHERE code = 'GM-8-7'").query(String.class).single())
                .isEqualTo("R");
        assertThat(jdbc.sql("SELECT count(*) FROM checklist_item WHERE code LIKE 'GM-6-%' AND verification <> 'V'")
                .query(Long.class).single()).isZero();
    }
}
