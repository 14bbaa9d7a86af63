package cn.zhifa.casework;

import cn.zhifa.law.ProcedureRules;

/** The party (当事人): a unit, or a natural person (e.g. the responsible person of 一案双罚). */
public enum PartyKind {
    UNIT("单位"),
    PERSON("个人");

    private final String label;

    PartyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    ProcedureRules.PartyKind forProcedure() {
        return this == UNIT ? ProcedureRules.PartyKind.ORGANIZATION : ProcedureRules.PartyKind.CITIZEN;
    }
}
