package cn.zhifa.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One 行政复议 or 行政诉讼 about a penalty case: who decides, when it was filed and decided, the outcome, a changed fine. */
public record ReviewView(long id, long caseId, String caseLabel, long organizationId, String unitName, Kind kind,
                         String kindLabel, String body, LocalDate filedOn, LocalDate decidedOn, Outcome outcome,
                         String outcomeLabel, BigDecimal changedFineYuan, String note, int version) {

    public enum Kind {
        REVIEW("行政复议"), LITIGATION("行政诉讼"), RESPONSE("应诉（二审、再审）");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Outcome {
        UPHELD("维持"), REVOKED("撤销"), CHANGED("变更"), CONFIRMED_ILLEGAL("确认违法"), DISMISSED("驳回"), WITHDRAWN("撤回");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
