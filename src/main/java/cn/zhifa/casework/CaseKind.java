package cn.zhifa.casework;

/** 执法处罚 (from inspections, hazards, complaints, transfers) or 事故处罚 (after an accident investigation). */
public enum CaseKind {
    ENFORCEMENT("执法处罚"),
    ACCIDENT("事故处罚");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
