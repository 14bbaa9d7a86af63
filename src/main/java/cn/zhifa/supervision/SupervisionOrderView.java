package cn.zhifa.supervision;

import java.time.LocalDate;

/** A 督办单: what is ordered of which unit, about what, by when; the unit's reply; overdue while unanswered past its day. */
public record SupervisionOrderView(long id, long organizationId, String unitName, SubjectKind subjectKind,
                                   String subjectKindLabel, Long subjectId, String subjectLabel, String demand,
                                   LocalDate issuedOn, LocalDate replyDue, String reply, LocalDate repliedOn,
                                   boolean overdue, int version) {

    /** What a 督办单 is about. */
    public enum SubjectKind {
        CASE("案件"), HAZARD("隐患"), UNIT("单位工作");

        private final String label;

        SubjectKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String statusLabel() {
        return reply != null ? "已回复" : overdue ? "逾期未回复" : "待回复";
    }
}
