package cn.zhifa.supervision.ranking;

import java.math.BigDecimal;

/** One indicator of the 效能考评 scheme: what it scores, its weight (points), whether more is better, its period. */
public record Indicator(long id, String name, RankingFigure figure, BigDecimal weight, Direction direction, Period period,
                        int position, int version) {

    public enum Direction {
        HIGHER("越高越好"), LOWER("越低越好（扣分项）");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Period {
        QUARTER("季度"), YEAR("年度累计");

        private final String label;

        Period(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
