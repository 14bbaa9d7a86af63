package cn.zhifa.planning;

import cn.zhifa.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrawAlgorithmTests {

    private static List<DrawInput.Candidate> people(long from, long to, Long town) {
        return LongStream.rangeClosed(from, to).mapToObj(id -> new DrawInput.Candidate(id, town)).toList();
    }

    private static DrawInput input(int firms, int count, int officers, int team) {
        return new DrawInput(people(1, firms, null), count, people(1001, 1000 + officers, null), team, List.of(), 0,
                false, Map.of(), Map.of());
    }

    @Test
    void the_random_stream_is_sha256_in_counter_mode() throws Exception {
        byte[] seed = "zhifa".getBytes();
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(seed);
        sha.update(new byte[8]);
        byte[] block0 = sha.digest();
        DeterministicRandom random = new DeterministicRandom(seed);
        long first = random.nextUnsignedInt();
        assertThat(first).isEqualTo(Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(block0).getInt()));
    }

    @Test
    void the_seed_is_the_sha256_of_secret_hash_and_draw_id() {
        assertThat(DrawAlgorithm.seedHex("abc", "def", 7)).isEqualTo(DrawAlgorithm.sha256Hex("abc|def|7"));
        assertThat(DrawAlgorithm.commitment("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void a_known_seed_gives_the_pinned_draw() {
        DrawInput input = input(10, 3, 5, 2);
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed("secret", input.hash(), 1));
        assertThat(input.hash()).isEqualTo(PINNED_INPUT_HASH);
        assertThat(outcome.canonical()).isEqualTo(PINNED_RESULT);
    }

    static final String PINNED_INPUT_HASH = "c238ed5ea70eedb3733db69e7d69b76e945c5c2dfe780ac2280f95f36a9ff87e";
    /** Firms 9, 7, 10 were also recomputed by the stand-alone Python verifier (static/planning/verify_draw.py). */
    static final String PINNED_RESULT = "9:1001,1002;\n7:1003,1005;\n10:1004,1001;\n";

    @Test
    void a_draw_with_recusal_towns_previous_teams_and_joint_inspectors_matches_the_python_verifier() {
        List<DrawInput.Candidate> officers = new ArrayList<>();
        for (long i = 1001; i <= 1012; i++) {
            officers.add(new DrawInput.Candidate(i, i % 3 == 0 ? 77L : null));
        }
        List<DrawInput.Candidate> firms = new ArrayList<>();
        for (long i = 1; i <= 60; i++) {
            firms.add(new DrawInput.Candidate(i, i % 5 == 0 ? 77L : null));
        }
        DrawInput input = new DrawInput(firms, 40, officers, 2, people(1, 3, null), 1, true,
                Map.of(3L, Set.of(1001L, 1002L, 1004L), 8L, Set.of(1005L)),
                Map.of(4L, Set.of(1007L, 1008L), 9L, Set.of(1001L, 1010L)));
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed("s3cret", input.hash(), 42));
        // python3 src/main/resources/static/planning/verify_draw.py candidates.txt s3cret 42
        assertThat(outcome.hash()).isEqualTo("66092bf89f8dd8f1c2c6fc2d37b5f9b1d352c060ca559f28f0081efe607090d0");
    }

    @Test
    void the_same_input_and_seed_give_the_same_draw_and_another_seed_another() {
        DrawInput input = input(500, 25, 40, 2);
        DrawOutcome a = DrawAlgorithm.draw(input, DrawAlgorithm.seed("s1", input.hash(), 1));
        DrawOutcome b = DrawAlgorithm.draw(DrawInput.parse(input.canonical()), DrawAlgorithm.seed("s1", input.hash(), 1));
        DrawOutcome c = DrawAlgorithm.draw(input, DrawAlgorithm.seed("s2", input.hash(), 1));
        assertThat(a).isEqualTo(b);
        assertThat(a.hash()).isNotEqualTo(c.hash());
    }

    @Test
    void the_candidate_text_does_not_depend_on_input_order() {
        List<DrawInput.Candidate> reversed = new ArrayList<>(people(1, 20, 5L));
        java.util.Collections.reverse(reversed);
        DrawInput a = new DrawInput(people(1, 20, 5L), 3, people(100, 110, null), 2, List.of(), 0, true,
                Map.of(3L, Set.of(101L, 100L)), Map.of());
        DrawInput b = new DrawInput(reversed, 3, people(100, 110, null), 2, List.of(), 0, true,
                Map.of(3L, Set.of(100L, 101L)), Map.of());
        assertThat(a.hash()).isEqualTo(b.hash());
        assertThat(DrawInput.parse(a.canonical()).canonical()).isEqualTo(a.canonical());
    }

    @Test
    void teams_have_distinct_officers_honour_recusal_town_and_previous_team_and_balance_load() {
        List<DrawInput.Candidate> officers = new ArrayList<>(people(1001, 1010, null));
        officers.add(new DrawInput.Candidate(1011, 77L));
        List<DrawInput.Candidate> firms = new ArrayList<>(people(1, 49, null));
        firms.add(new DrawInput.Candidate(50, 77L));
        DrawInput input = new DrawInput(firms, 50, officers, 2, List.of(), 0, true,
                Map.of(7L, Set.of(1001L, 1002L, 1003L)), Map.of(9L, Set.of(1004L, 1005L)));
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed("x", input.hash(), 3));
        int[] load = new int[12];
        for (DrawOutcome.Assignment a : outcome.assignments()) {
            assertThat(new HashSet<>(a.officers())).hasSize(2);
            if (a.firmId() == 7) {
                assertThat(a.officers()).doesNotContain(1001L, 1002L, 1003L);
            }
            if (a.firmId() == 9) {
                assertThat(a.officers()).doesNotContain(1004L, 1005L);
            }
            if (a.firmId() == 50) {
                assertThat(a.officers()).doesNotContain(1011L);
            }
            a.officers().forEach(o -> load[(int) (o - 1000)]++);
        }
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 1; i <= 11; i++) {
            max = Math.max(max, load[i]);
            min = Math.min(min, load[i]);
        }
        assertThat(max - min).as("100 seats over 11 officers").isLessThanOrEqualTo(2);
    }

    @Test
    void the_previous_team_is_allowed_back_only_when_nobody_else_is_left() {
        DrawInput input = new DrawInput(people(1, 1, null), 1, people(1001, 1003, null), 2, List.of(), 0, false,
                Map.of(), Map.of(1L, Set.of(1001L, 1002L)));
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed("x", input.hash(), 1));
        assertThat(outcome.assignments().get(0).officers()).contains(1003L).hasSize(2);
    }

    @Test
    void joint_draws_add_inspectors_of_other_departments() {
        DrawInput input = new DrawInput(people(1, 30, null), 6, people(1001, 1010, null), 2, people(1, 4, null), 1,
                false, Map.of(), Map.of());
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed("x", input.hash(), 1));
        assertThat(outcome.assignments()).allSatisfy(a -> assertThat(a.jointInspectors()).hasSize(1));
    }

    @Test
    void an_empty_pool_or_too_few_officers_are_refused_in_chinese() {
        assertThatThrownBy(() -> DrawAlgorithm.draw(input(0, 1, 5, 2), new byte[32]))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("企业池为空");
        assertThatThrownBy(() -> DrawAlgorithm.draw(input(10, 2, 2, 3), new byte[32]))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("大于符合条件的持证执法人员数");
        DrawInput recusedAway = new DrawInput(people(1, 1, null), 1, people(1001, 1002, null), 2, List.of(), 0, false,
                Map.of(1L, Set.of(1001L)), Map.of());
        assertThatThrownBy(() -> DrawAlgorithm.draw(recusedAway, new byte[32]))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("回避后可选执法人员只有 1 名");
    }

    @Test
    void below_never_leaves_its_bound() {
        DeterministicRandom random = new DeterministicRandom(HexFormat.of().parseHex("00"));
        for (int i = 0; i < 10_000; i++) {
            assertThat(random.below(7)).isBetween(0, 6);
        }
    }
}
