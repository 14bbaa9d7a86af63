package cn.zhifa.planning;

/** 分类分级 grades: A is the key (重点) class, D the lowest risk. */
public enum Grade {
    A("A 重点"), B("B 较重点"), C("C 一般"), D("D 低风险");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
