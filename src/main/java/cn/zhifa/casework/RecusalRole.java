package cn.zhifa.casework;

/** Whose recusal is applied for (行政处罚法第四十三条: 执法人员; 第六十四条第四项: 听证主持人; 法制审核人员). */
public enum RecusalRole {
    HANDLER("承办人"),
    LEGAL_REVIEWER("法制审核人员"),
    HEARING_OFFICER("听证主持人");

    private final String label;

    RecusalRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
