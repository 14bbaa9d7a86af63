package cn.zhifa.planning;

import cn.zhifa.shared.Verdict;

/**
 * 严控涉企检查频次: a firm may receive at most the configured number of on-site inspections a year for its
 * grade (fewer on the 白名单); beyond it only with a recorded legal exception.
 */
public final class FrequencyCapPolicy {

    private final PlanningRules rules;

    public FrequencyCapPolicy(PlanningRules rules) {
        this.rules = rules;
    }

    /**
     * @param alreadyThisYear on-site inspections done or scheduled this year, without the one asked for
     */
    public Verdict mayInspect(String firmName, Grade grade, boolean whitelisted, int alreadyThisYear, CapException exception,
                              String exceptionNote) {
        int cap = rules.capFor(grade, whitelisted);
        if (alreadyThisYear < cap) {
            return Verdict.allow();
        }
        if (exception != null) {
            return exceptionNote == null || exceptionNote.isBlank()
                    ? Verdict.refuse("超出年度检查频次须写明例外情形（" + exception.label() + "）的具体依据。")
                    : Verdict.allow();
        }
        return Verdict.refuse("“" + firmName + "”本年度已安排现场检查 " + alreadyThisYear + " 次，达到"
                + (whitelisted ? "白名单企业" : grade.label() + "类企业") + "年度上限 " + cap + " 次（" + rules.capSource()
                + "）。如确需检查，请登记投诉举报、事故或重大隐患复查等例外情形。");
    }
}
