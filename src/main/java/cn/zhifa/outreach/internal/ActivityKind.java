package cn.zhifa.outreach.internal;

/**
 * The kinds of 普法 activity the seeds report, each with the words the annual report counts it in: how many were held
 * and how many people (for 读本发放: copies) were reached.
 */
public enum ActivityKind {
    SEND_LAW("送法进企", "组织“送法进企”活动", "场", "送法进企受众", "人次"),
    LECTURE("宣讲", "组织安全生产主题宣讲", "次", "宣讲受众", "人"),
    LIVE("直播", "开展安全直播课", "期", "直播课观看", "人次"),
    QUIZ("答题", "组织普法答题", "次", "参加答题", "人"),
    FOUR_INTO("“四进”", "开展安全宣传“四进”活动", "场", "“四进”活动受众", "人次"),
    HANDBOOK("读本发放", "组织普法读本发放", "次", "发放普法读本", "份");

    private final String label;
    private final String countLabel;
    private final String countUnit;
    private final String reachLabel;
    private final String reachUnit;

    ActivityKind(String label, String countLabel, String countUnit, String reachLabel, String reachUnit) {
        this.label = label;
        this.countLabel = countLabel;
        this.countUnit = countUnit;
        this.reachLabel = reachLabel;
        this.reachUnit = reachUnit;
    }

    public String label() {
        return label;
    }

    public String countLabel() {
        return countLabel;
    }

    public String countUnit() {
        return countUnit;
    }

    public String reachLabel() {
        return reachLabel;
    }

    public String reachUnit() {
        return reachUnit;
    }
}
