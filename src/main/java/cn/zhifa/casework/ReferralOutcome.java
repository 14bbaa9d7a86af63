package cn.zhifa.casework;

/** What public security decided on a transferred case (《行政执法机关移送涉嫌犯罪案件的规定》第八条、第九条). */
public enum ReferralOutcome {
    ACCEPTED("公安机关立案侦查"),
    RETURNED("公安机关不予立案，退回");

    private final String label;

    ReferralOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
