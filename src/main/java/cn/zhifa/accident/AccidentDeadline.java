package cn.zhifa.accident;

/**
 * One legal deadline of an accident as the accident page and the API show it.
 *
 * @param due   the day, or day and hour, as printed
 * @param basis how it was reached and its legal source
 */
public record AccidentDeadline(String label, String due, String basis, boolean provisional, Status status) {

    public enum Status {
        MET("按时完成"), LATE("逾期完成"), OPEN("进行中"), OVERDUE("已逾期"), ENDED("期限届满"), REFERENCE("逐级上报时限");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String statusLabel() {
        return status.label();
    }
}
