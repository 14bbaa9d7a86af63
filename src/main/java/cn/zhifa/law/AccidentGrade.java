package cn.zhifa.law;

/** 生产安全事故等级 (生产安全事故报告和调查处理条例 art 3), from least to most severe. */
public enum AccidentGrade {
    GENERAL("一般事故"),
    LARGER("较大事故"),
    MAJOR("重大事故"),
    EXTRAORDINARY("特别重大事故");

    private final String label;

    AccidentGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
