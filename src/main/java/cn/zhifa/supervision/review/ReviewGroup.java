package cn.zhifa.supervision.review;

/** The groups of a case-file review standard, in the order a file is read. */
public enum ReviewGroup {
    SUBJECT("执法主体"),
    EVIDENCE("事实证据"),
    PROCEDURE("执法程序"),
    LAW("法律适用"),
    DISCRETION("自由裁量"),
    DOCUMENTS("执法文书"),
    ARCHIVE("立卷归档");

    private final String label;

    ReviewGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
