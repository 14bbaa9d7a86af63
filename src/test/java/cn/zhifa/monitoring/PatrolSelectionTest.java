package cn.zhifa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.monitoring.internal.PatrolSelection;
import cn.zhifa.monitoring.internal.PatrolSelection.Candidate;
import cn.zhifa.planning.Grade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatrolSelectionTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @Test
    void the_highest_grade_comes_first_and_within_a_grade_the_firm_patrolled_longest_ago() {
        List<Candidate> firms = List.of(
                new Candidate(1, "华兴化工", Grade.B, null),
                new Candidate(2, "津港储运", Grade.A, DAY.minusDays(1)),
                new Candidate(3, "渤海石化", Grade.A, null),
                new Candidate(4, "滨海燃气", Grade.A, DAY.minusDays(3)),
                new Candidate(5, "东丽粉末", Grade.C, null));
        assertThat(PatrolSelection.choose(firms, 4)).extracting(Candidate::enterpriseId).containsExactly(3L, 4L, 2L, 1L);
    }

    @Test
    void the_same_history_gives_the_same_list_in_any_input_order() {
        List<Candidate> firms = new ArrayList<>();
        Random random = new Random(2);
        for (long id = 1; id <= 200; id++) {
            firms.add(new Candidate(id, "企业" + id, Grade.values()[random.nextInt(4)],
                    random.nextBoolean() ? null : DAY.minusDays(random.nextInt(30) + 1)));
        }
        List<Candidate> shuffled = new ArrayList<>(firms);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(PatrolSelection.choose(shuffled, 50)).isEqualTo(PatrolSelection.choose(firms, 50)).hasSize(50);
    }

    @Test
    void the_list_rotates_through_a_grade_day_by_day() {
        List<Candidate> firms = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            firms.add(new Candidate(id, "企业" + id, Grade.A, null));
        }
        List<Long> day1 = PatrolSelection.choose(firms, 2).stream().map(Candidate::enterpriseId).toList();
        List<Candidate> after = firms.stream().map(c -> day1.contains(c.enterpriseId())
                ? new Candidate(c.enterpriseId(), c.name(), c.grade(), DAY) : c).toList();
        List<Long> day2 = PatrolSelection.choose(after, 2).stream().map(Candidate::enterpriseId).toList();
        assertThat(day1).containsExactly(1L, 2L);
        assertThat(day2).containsExactly(3L, 4L);
    }
}
