package cn.zhifa.outreach.internal;

/** 提示函 or 警示函, each issued from its own numbered template of the documents module. */
public enum LetterKind {
    TIP("提示函", "SAFETY_TIP_LETTER"),
    WARNING("警示函", "SAFETY_WARNING_LETTER");

    private final String label;
    private final String template;

    LetterKind(String label, String template) {
        this.label = label;
        this.template = template;
    }

    public String label() {
        return label;
    }

    public String template() {
        return template;
    }
}
