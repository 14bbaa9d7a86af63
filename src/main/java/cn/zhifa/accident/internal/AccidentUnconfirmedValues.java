package cn.zhifa.accident.internal;

import cn.zhifa.law.UnconfirmedLegalValues;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The accident rules marked {@code confirmed: false} in accident-rules.yml, for the ADMIN law page. */
@Component
class AccidentUnconfirmedValues implements UnconfirmedLegalValues {

    private final AccidentRules rules;

    AccidentUnconfirmedValues(AccidentRules rules) {
        this.rules = rules;
    }

    @Override
    public List<String> unconfirmed() {
        List<String> lines = new ArrayList<>();
        add(lines, rules.firstReport().confirmed(), "事故单位负责人报告时限（" + rules.firstReport().hours() + "小时）",
                rules.firstReport().source());
        add(lines, rules.upward().confirmed(), "事故逐级上报时限（每级" + rules.upward().hoursPerLevel() + "小时）",
                rules.upward().source());
        add(lines, rules.supplement().confirmed(), "事故续报期限（" + rules.supplement().days() + "日，道路交通和火灾事故"
                + rules.supplement().roadAndFireDays() + "日）", rules.supplement().source());
        add(lines, rules.investigation().confirmed(), "事故调查期限（" + rules.investigation().days() + "日，可延长"
                + rules.investigation().extensionDays() + "日）", rules.investigation().source());
        add(lines, rules.approval().confirmed(), "事故调查报告批复期限", rules.approval().source());
        add(lines, rules.evaluation().confirmed(), "整改和防范措施落实情况评估（" + rules.evaluation().months() + "个月内）",
                rules.evaluation().source());
        add(lines, rules.supervision().confirmed(), "较大及以上事故挂牌督办单位", rules.supervision().source());
        add(lines, rules.grading().confirmed(), "事故定级时下落不明人数"
                + (rules.grading().missingCountedAsDeaths() ? "计入" : "不计入") + "死亡人数", rules.grading().source());
        return lines;
    }

    private static void add(List<String> lines, boolean confirmed, String value, String source) {
        if (!confirmed) {
            lines.add("事故：" + value + "：" + source);
        }
    }
}
