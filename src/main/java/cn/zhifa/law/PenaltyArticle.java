package cn.zhifa.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One penalty article of 安全生产法 with its fines per party and condition and its other penalty kinds.
 *
 * @param number        the article number, e.g. 97
 * @param title         e.g. "《中华人民共和国安全生产法》第九十七条"
 * @param otherMeasures other kinds of penalty and orders (责令停产停业整顿, 关闭, 撤职处分 …)
 */
public record PenaltyArticle(int number, String title, String violation, List<Fine> fines, List<String> otherMeasures,
                             LocalDate effectiveFrom) {

    public PenaltyArticle {
        fines = List.copyOf(fines);
        otherMeasures = List.copyOf(otherMeasures);
    }

    /** Who a fine is imposed on. */
    public enum Party {
        UNIT("生产经营单位"),
        PRINCIPAL("主要负责人"),
        INVESTOR("个人经营的投资人"),
        OTHER_MANAGER("其他负责人、安全生产管理人员"),
        RESPONSIBLE_PERSON("直接负责的主管人员和其他直接责任人员");

        private final String label;

        Party(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a fine is measured. */
    public enum FineKind {
        /** A range in 元; a minimum of 0 means "……以下". */
        AMOUNT,
        /** A percentage range of last year's income. */
        INCOME_PERCENT,
        /** A multiple range of illegal gains. */
        GAINS_MULTIPLE,
        /** A multiple range of the amounts of another paragraph (art 114 para 2). */
        AMOUNT_MULTIPLE,
        /** 按日连续处罚 at the original amount. */
        DAILY_CONTINUOUS
    }

    /**
     * A fine: for {@link FineKind#AMOUNT} {@code min}/{@code max} are 元; for the percent and multiple
     * kinds they are percentages or multiples; null for {@link FineKind#DAILY_CONTINUOUS}.
     */
    public record Fine(Party party, String condition, FineKind kind, BigDecimal min, BigDecimal max) {

        /** Plain Chinese, e.g. "逾期未改正：生产经营单位 10万元以上20万元以下". */
        public String describe() {
            String range = switch (kind) {
                case AMOUNT -> min.signum() == 0 ? Money.yuanText(max) + "以下"
                        : Money.yuanText(min) + "以上" + Money.yuanText(max) + "以下";
                case INCOME_PERCENT -> min.compareTo(max) == 0 ? "上一年年收入的" + plain(min) + "%"
                        : "上一年年收入的" + plain(min) + "%至" + plain(max) + "%";
                case GAINS_MULTIPLE -> "违法所得" + plain(min) + "倍以上" + plain(max) + "倍以下";
                case AMOUNT_MULTIPLE -> "前款罚款数额的" + plain(min) + "倍以上" + plain(max) + "倍以下";
                case DAILY_CONTINUOUS -> "按照原处罚数额按日连续处罚";
            };
            return condition + "：" + party.label() + " " + range;
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }
}
