package cn.zhifa.supervision;

/** A complaint's place in its handling: registered, accepted (or not), closed; a duplicate is linked, not handled. */
public enum ComplaintStatus {
    RECEIVED("待受理"),
    ACCEPTED("办理中"),
    REJECTED("不予受理"),
    CLOSED("已办结"),
    DUPLICATE("重复举报");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == RECEIVED || this == ACCEPTED;
    }
}
