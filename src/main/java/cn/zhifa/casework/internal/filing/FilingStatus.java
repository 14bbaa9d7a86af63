package cn.zhifa.casework.internal.filing;

/** 待备案 (not sent, due today or later), 逾期 (not sent, past due), 已备案 (sent). */
public enum FilingStatus {
    DUE("待备案"),
    OVERDUE("逾期"),
    RECORDED("已备案");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status named by its code or its Chinese label; null when blank or unknown. */
    public static FilingStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (FilingStatus s : values()) {
            if (s.name().equalsIgnoreCase(value.strip()) || s.label.equals(value.strip())) {
                return s;
            }
        }
        return null;
    }
}
