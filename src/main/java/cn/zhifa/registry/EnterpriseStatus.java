package cn.zhifa.registry;

/** 在业 / 停业 / 注销. A cancelled (注销) enterprise cannot return to business. */
public enum EnterpriseStatus {
    OPERATING("在业"),
    SUSPENDED("停业"),
    CANCELLED("注销");

    private final String label;

    EnterpriseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static java.util.Optional<EnterpriseStatus> ofLabel(String label) {
        for (EnterpriseStatus status : values()) {
            if (status.label.equals(label) || status.name().equalsIgnoreCase(label)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }
}
