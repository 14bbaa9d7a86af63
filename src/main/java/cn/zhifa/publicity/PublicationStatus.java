package cn.zhifa.publicity;

/** Where a publication stands on a given day; {@link #EXPIRED} is a published one whose period has ended. */
public enum PublicationStatus {
    AWAITING("待公示"),
    PUBLISHED("公示中"),
    EXPIRED("公示期满"),
    WITHDRAWN("已撤回");

    private final String label;

    PublicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
