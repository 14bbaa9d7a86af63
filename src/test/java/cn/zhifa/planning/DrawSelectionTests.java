package cn.zhifa.planning;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The O(k) firm selection and the streamed canonical text (issue 18, a 5M-firm pool): both must give exactly what the
 * published algorithm ({@link DrawAlgorithm}, verify_draw.py) gives, so every stored draw still recomputes.
 */
class DrawSelectionTests {

    @Test
    void the_sparse_selection_is_the_partial_fisher_yates_shuffle_of_the_whole_pool() {
        Random sizes = new Random(18);
        for (int trial = 0; trial < 1_000; trial++) {
            int n = 1 + sizes.nextInt(400);
            int k = 1 + sizes.nextInt(n);
            byte[] seed = ("trial " + trial).getBytes(StandardCharsets.UTF_8);
            int[] positions = IntStream.range(0, n).toArray();
            DeterministicRandom random = new DeterministicRandom(seed);
            for (int i = 0; i < k; i++) {
                int j = i + random.below(n - i);
                int swap = positions[i];
                positions[i] = positions[j];
                positions[j] = swap;
            }
            assertThat(DrawAlgorithm.select(new DeterministicRandom(seed), n, k))
                    .as("n %d, k %d", n, k).containsExactly(Arrays.copyOf(positions, k));
        }
    }

    @Test
    void the_selection_from_a_large_pool_is_distinct_reproducible_and_spread_evenly() {
        int n = 1_000_000;
        int k = 50;
        int draws = 1_000;
        long[] tenths = new long[10];
        for (int d = 0; d < draws; d++) {
            byte[] seed = DrawAlgorithm.seed("spread", "pool", d);
            int[] chosen = DrawAlgorithm.select(new DeterministicRandom(seed), n, k);
            assertThat(DrawAlgorithm.select(new DeterministicRandom(seed), n, k)).containsExactly(chosen);
            assertThat(Arrays.stream(chosen).distinct().count()).isEqualTo(k);
            for (int position : chosen) {
                assertThat(position).isBetween(0, n - 1);
                tenths[position / (n / 10)]++;
            }
        }
        double expected = (double) draws * k / 10;
        double chiSquare = Arrays.stream(tenths).mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
        // 9 degrees of freedom: the 0.999 quantile is 27.88
        assertThat(chiSquare).isLessThan(27.88);
    }

    @Test
    void teams_keep_recusal_and_township_and_the_same_seed_gives_the_same_firms_and_teams() {
        Random random = new Random(7);
        List<DrawInput.Candidate> firms = new ArrayList<>();
        for (long id = 1; id <= 5_000; id++) {
            firms.add(new DrawInput.Candidate(id, 500L + id % 10));
        }
        List<DrawInput.Candidate> officers = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            officers.add(new DrawInput.Candidate(10_000 + id, id % 3 == 0 ? 500L + id % 10 : null));
        }
        Map<Long, Set<Long>> recusals = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            recusals.computeIfAbsent(1L + random.nextInt(5_000), f -> new HashSet<>()).add(10_001L + random.nextInt(60));
        }
        DrawInput input = new DrawInput(firms, 1_000, officers, 2, List.of(), 0, true, recusals, Map.of());
        byte[] seed = DrawAlgorithm.seed("teams", input.hash(), 3);
        DrawOutcome outcome = DrawAlgorithm.draw(input, seed);
        assertThat(DrawAlgorithm.draw(DrawInput.parse(input.canonical()), seed).canonical()).isEqualTo(outcome.canonical());
        assertThat(DrawAlgorithm.draw(input, DrawAlgorithm.seed("teams", input.hash(), 4)).canonical())
                .isNotEqualTo(outcome.canonical());
        Map<Long, Long> townOf = new HashMap<>();
        officers.forEach(o -> townOf.put(o.id(), o.town()));
        Map<Long, Integer> load = new HashMap<>();
        assertThat(outcome.assignments()).hasSize(1_000).allSatisfy(a -> {
            assertThat(a.officers()).hasSize(2).doesNotHaveDuplicates()
                    .noneMatch(recusals.getOrDefault(a.firmId(), Set.of())::contains);
            long firmTown = 500L + a.firmId() % 10;
            assertThat(a.officers()).noneMatch(o -> Long.valueOf(firmTown).equals(townOf.get(o)));
            a.officers().forEach(o -> load.merge(o, 1, Integer::sum));
        });
        // 2,000 places over 60 officers: the load buckets keep everyone within a few teams of the mean (33.3)
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(25, 42));
    }

    @Test
    void the_streamed_canonical_text_is_the_documented_text_and_reads_back() {
        Random random = new Random(2026);
        List<DrawInput.Candidate> firms = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long id = switch (i % 4) {
                case 0 -> random.nextInt(10);
                case 1 -> random.nextInt(Integer.MAX_VALUE);
                case 2 -> Integer.MAX_VALUE + 1L + random.nextInt(1_000_000);
                default -> 9_000_000_000_000_000_000L + random.nextInt(1_000);
            };
            firms.add(new DrawInput.Candidate(id, i % 3 == 0 ? null : (long) random.nextInt(1_000_000_000)));
        }
        List<DrawInput.Candidate> officers = List.of(new DrawInput.Candidate(99, null), new DrawInput.Candidate(7, 100L),
                new DrawInput.Candidate(100_000, 1L));
        Map<Long, Set<Long>> recusals = Map.of(firms.get(3).id(), Set.of(99L, 7L), 0L, Set.of(100_000L));
        Map<Long, Set<Long>> previous = Map.of(firms.get(5).id(), Set.of(7L));
        DrawInput input = new DrawInput(firms, 10, officers, 2, List.of(new DrawInput.Candidate(1, null)), 1, true,
                recusals, previous);

        StringBuilder expected = new StringBuilder("zhifa-draw-v1 count=10 team=2 joint=1 townRecusal=true\n");
        expected.append("[firms]\n");
        Map<Long, Long> firstTown = new HashMap<>();
        firms.forEach(c -> {
            if (!firstTown.containsKey(c.id())) {
                firstTown.put(c.id(), c.town());
            }
        });
        new TreeMap<>(firstTown).forEach((id, town) -> expected.append(id).append(',').append(town == null ? "-" : town.toString()).append('\n'));
        expected.append("[officers]\n7,100\n99,-\n100000,1\n[joint]\n1,-\n[recusals]\n");
        new TreeMap<>(recusals).forEach((firm, people) -> expected.append(firm).append(':')
                .append(String.join(",", new TreeSet<>(people).stream().map(String::valueOf).toList())).append('\n'));
        expected.append("[previous]\n").append(firms.get(5).id()).append(":7\n");

        assertThat(input.canonical()).isEqualTo(expected.toString());
        assertThat(input.hash()).isEqualTo(DrawAlgorithm.sha256Hex(expected.toString()));
        assertThat(DrawInput.parse(input.canonical()).canonical()).isEqualTo(expected.toString());
    }
}
