package cn.zhifa.supervision.ranking;

/**
 * The platform statistics an indicator may score, each of one unit with its subunits. {@code yearOnly} figures come
 * from statistics kept per year (publicity, complaints, participation); {@code now} figures are the state on the day
 * the ranking is computed.
 */
public enum RankingFigure {
    VISITS_PER_OFFICER("检查家次 ÷ 持证执法人员数", "家次/人", false),
    RECTIFICATION_RATE("隐患整改率（期内销号 ÷ 期内发现，无发现计100%）", "%", false),
    CASES_FILED("立案数（执法检查与事故调查）", "件", false),
    CASES_DECIDED("作出处罚决定数", "件", false),
    PUBLICITY_RATE("行政处罚公示及时率", "%", true),
    COMPLAINTS_ON_TIME("投诉举报按期办结率（无办结计100%）", "%", true),
    PARTICIPATION_RATE("持证执法人员参与率", "%", true),
    OVERDUE("逾期件数：当前逾期未整改隐患与期限逾期案件", "件", false),
    FAULTS("执法过错件数（期内认定）", "件", false);

    private final String label;
    private final String unit;
    private final boolean yearOnly;

    RankingFigure(String label, String unit, boolean yearOnly) {
        this.label = label;
        this.unit = unit;
        this.yearOnly = yearOnly;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean yearOnly() {
        return yearOnly;
    }
}
