package cn.zhifa.inspection;

/** Who signs a 现场检查记录. */
public enum SignerRole {
    OFFICER("检查人员"),
    REPRESENTATIVE("被检查单位现场负责人");

    private final String label;

    SignerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
