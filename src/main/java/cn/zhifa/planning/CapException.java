package cn.zhifa.planning;

/** The legal grounds on which a firm may be inspected beyond its annual cap. */
public enum CapException {
    COMPLAINT("投诉举报核查"), ACCIDENT("事故调查处理"), MAJOR_HAZARD_FOLLOW_UP("重大事故隐患复查"), HIGHER_ASSIGNMENT("上级交办、转办");

    private final String label;

    CapException(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
