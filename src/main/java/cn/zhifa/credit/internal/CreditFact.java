package cn.zhifa.credit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One fact on a firm's credit record, as another module reported it. */
public record CreditFact(long enterpriseId, Kind kind, String sourceRef, LocalDate occurredOn, BigDecimal fineYuan,
                         String accidentGrade, String title) {

    public enum Kind {
        PENALTY("行政处罚"),
        MAJOR_HAZARD("发现重大事故隐患"),
        MAJOR_HAZARD_OVERDUE("重大事故隐患逾期未整改"),
        ACCIDENT("生产安全事故");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The fact in words, as the firm's page lists it. */
    public String describe() {
        return occurredOn + " " + kind.label() + "：" + title;
    }
}
