package cn.zhifa.casework;

import cn.zhifa.law.ProcedureRules;
import cn.zhifa.shared.Verdict;
import java.math.BigDecimal;

/**
 * Why an officer may collect a fine decided on the spot (当场收缴, 行政处罚法第六十八条、第六十九条); otherwise the party
 * pays at the designated bank within 15 days (第六十七条).
 */
public enum OnTheSpotCollection {
    /** 依法给予一百元以下罚款的 (第六十八条第一项). */
    SMALL_FINE("依法给予一百元以下罚款（行政处罚法第六十八条第一项）"),
    /** 不当场收缴事后难以执行的 (第六十八条第二项). */
    HARD_TO_ENFORCE_LATER("不当场收缴事后难以执行（行政处罚法第六十八条第二项）"),
    /** 边远、水上、交通不便地区，当事人到指定银行或者通过电子支付系统缴纳确有困难，经当事人提出 (第六十九条). */
    REMOTE_AREA_ON_REQUEST("边远、水上、交通不便地区缴纳确有困难，经当事人提出（行政处罚法第六十九条）");

    private final String label;

    OnTheSpotCollection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * 当场收缴 only where 第六十八、六十九条 allow it: a fine up to the configured limit (100 元), or on one of the
     * other grounds stated by the officer.
     */
    public static Verdict mayCollect(BigDecimal fineYuan, OnTheSpotCollection ground, ProcedureRules rules) {
        if (fineYuan == null || fineYuan.signum() <= 0) {
            return Verdict.refuse("没有罚款可当场收缴。");
        }
        if (ground == null) {
            return Verdict.refuse("请选择当场收缴罚款的法定情形（行政处罚法第六十八条、第六十九条）；不属于这些情形的，"
                    + "当事人应当自收到决定书之日起十五日内到指定银行缴纳（第六十七条）。");
        }
        if (ground == SMALL_FINE && !rules.onTheSpotCollectionAllowed(fineYuan)) {
            return Verdict.refuse("罚款" + DiscretionEngine.plain(fineYuan) + "元超过一百元，不属于“依法给予一百元以下罚款”"
                    + "（行政处罚法第六十八条第一项），不能以此当场收缴。");
        }
        return Verdict.allow();
    }
}
