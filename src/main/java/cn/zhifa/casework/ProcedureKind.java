package cn.zhifa.casework;

/** 简易程序 (当场处罚, 行政处罚法第五十一条) or 普通程序. */
public enum ProcedureKind {
    SUMMARY("简易程序"),
    ORDINARY("普通程序");

    private final String label;

    ProcedureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
