package cn.zhifa.inspection;

/** DRAFT while on site; SUBMITTED once and immutable; SUPERSEDED when a correction was submitted. */
public enum RecordStatus {
    DRAFT("填写中"),
    SUBMITTED("已提交"),
    SUPERSEDED("已更正");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
