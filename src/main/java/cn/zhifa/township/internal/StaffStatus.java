package cn.zhifa.township.internal;

/** A 专职安全员 is in post until their term is ended (离任); the register keeps them afterwards. */
public enum StaffStatus {
    ACTIVE("在岗"),
    ENDED("已离任");

    private final String label;

    StaffStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
