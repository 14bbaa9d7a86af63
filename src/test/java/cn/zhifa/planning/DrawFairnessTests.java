package cn.zhifa.planning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The draw favours no firm: 10,000 seeded draws of 5 out of 50, tested with Pearson's chi-square. */
class DrawFairnessTests {

    @Test
    void ten_thousand_seeded_draws_pick_every_firm_equally_often() {
        int firms = 50;
        int perDraw = 5;
        int draws = 10_000;
        DrawInput input = new DrawInput(
                LongStream.rangeClosed(1, firms).mapToObj(id -> new DrawInput.Candidate(id, null)).toList(), perDraw,
                LongStream.rangeClosed(1001, 1004).mapToObj(id -> new DrawInput.Candidate(id, null)).toList(), 2,
                List.of(), 0, false, Map.of(), Map.of());
        String hash = input.hash();
        long[] picked = new long[firms + 1];
        long[] firstPlace = new long[firms + 1];
        for (int d = 0; d < draws; d++) {
            DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed("chi-square", hash, d));
            outcome.assignments().forEach(a -> picked[(int) a.firmId()]++);
            firstPlace[(int) outcome.assignments().get(0).firmId()]++;
        }
        // 49 degrees of freedom: the 0.999 quantile is 85.35; a fair draw exceeds it once in a thousand runs.
        assertThat(chiSquare(picked, (double) draws * perDraw / firms)).isLessThan(85.35);
        assertThat(chiSquare(firstPlace, (double) draws / firms)).isLessThan(85.35);
    }

    @Test
    void the_test_notices_a_biased_draw() {
        long[] biased = new long[51];
        for (int i = 1; i <= 50; i++) {
            biased[i] = i <= 25 ? 1100 : 900;
        }
        assertThat(chiSquare(biased, 1000)).isGreaterThan(85.35);
    }

    private static double chiSquare(long[] observed, double expected) {
        double sum = 0;
        for (int i = 1; i < observed.length; i++) {
            double diff = observed[i] - expected;
            sum += diff * diff / expected;
        }
        return sum;
    }
}
