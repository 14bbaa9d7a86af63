package cn.zhifa.law;

import java.util.Objects;

/**
 * 从旧兼从轻 (行政处罚法第三十七条): a penalty applies the rules in force when the act was committed; where the rules in
 * force when the penalty is decided are lighter, those apply. Of two fine ranges the lighter is the one with the lower
 * maximum, and at an equal maximum the one with the lower minimum.
 */
public final class LighterLaw {

    public static final String BASIS = "《中华人民共和国行政处罚法》第三十七条";

    private LighterLaw() {
    }

    /** The range to apply: {@code atAct} unless {@code atDecision} is lighter; the explanation says which and why. */
    public static FineRange applicable(FineRange atAct, FineRange atDecision) {
        Objects.requireNonNull(atAct, "atAct");
        Objects.requireNonNull(atDecision, "atDecision");
        if (sameRange(atAct, atDecision)) {
            return atAct;
        }
        if (lighter(atDecision, atAct)) {
            return new FineRange(atDecision.minYuan(), atDecision.maxYuan(), atDecision.basis(), atDecision.explanation()
                    + "现行规定轻于违法行为发生时的规定（" + atAct.basis() + "），适用现行规定（从旧兼从轻，" + BASIS + "）。");
        }
        return new FineRange(atAct.minYuan(), atAct.maxYuan(), atAct.basis(), atAct.explanation()
                + "适用违法行为发生时的规定（从旧兼从轻，" + BASIS + "）。");
    }

    /** True when {@code a} is lighter than {@code b}: a lower maximum, or the same maximum and a lower minimum. */
    public static boolean lighter(FineRange a, FineRange b) {
        int max = a.maxYuan().compareTo(b.maxYuan());
        return max < 0 || max == 0 && a.minYuan().compareTo(b.minYuan()) < 0;
    }

    private static boolean sameRange(FineRange a, FineRange b) {
        return a.minYuan().compareTo(b.minYuan()) == 0 && a.maxYuan().compareTo(b.maxYuan()) == 0
                && Objects.equals(a.basis(), b.basis());
    }
}
