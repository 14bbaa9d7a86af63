package cn.zhifa.supervision.review;

import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring rules of 案卷评查: a file starts from the standard's full points, each item loses at most its own
 * points, a 否决项 (veto item) that applies fails the file whatever its score, and the grade follows the standard's
 * thresholds (优秀 at or above {@code excellentMin}, 合格 at or above {@code passMin}, else 不合格).
 */
public final class ReviewScoring {

    private ReviewScoring() {}

    /** A standard item: points it carries, or 0 for a veto item. */
    public record Item(long id, ReviewGroup group, String text, BigDecimal points, boolean veto) {}

    /** The reviewer's finding on one item: points deducted, whether a veto applies, and the comment. */
    public record Mark(long itemId, BigDecimal deducted, boolean vetoed, String comment) {}

    public record Thresholds(BigDecimal excellentMin, BigDecimal passMin) {}

    public enum Grade {
        EXCELLENT("优秀"), PASS("合格"), FAIL("不合格");

        private final String label;

        Grade(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A problem found: the item's group and text, with the reviewer's comment. */
    public record Problem(long itemId, ReviewGroup group, String text) {}

    public record Result(BigDecimal score, boolean vetoed, Grade grade, List<Problem> problems) {}

    public static Result score(List<Item> items, List<Mark> marks, Thresholds thresholds) {
        Map<Long, Item> byId = new HashMap<>();
        BigDecimal full = BigDecimal.ZERO;
        for (Item i : items) {
            byId.put(i.id(), i);
            full = full.add(i.points());
        }
        BigDecimal score = full;
        boolean vetoed = false;
        List<Problem> problems = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Mark m : marks) {
            Item item = byId.get(m.itemId());
            if (item == null) {
                throw new RuleViolation("评分项不属于本评查标准。");
            }
            if (!seen.add(m.itemId())) {
                throw new RuleViolation("同一评分项只能评一次：" + item.text());
            }
            BigDecimal deducted = m.deducted() == null ? BigDecimal.ZERO : m.deducted();
            if (deducted.signum() < 0 || deducted.compareTo(item.points()) > 0) {
                throw new RuleViolation("“" + item.text() + "”扣分应在 0 至 " + item.points().stripTrailingZeros().toPlainString() + " 分之间。");
            }
            if (m.vetoed() && !item.veto()) {
                throw new RuleViolation("“" + item.text() + "”不是否决项。");
            }
            boolean found = deducted.signum() > 0 || m.vetoed();
            if (found && (m.comment() == null || m.comment().isBlank())) {
                throw new RuleViolation("“" + item.text() + "”扣分或否决时须写明评查意见。");
            }
            score = score.subtract(deducted);
            vetoed |= m.vetoed();
            if (found) {
                problems.add(new Problem(item.id(), item.group(), item.text() + "：" + m.comment().strip()));
            }
        }
        Grade grade = vetoed || score.compareTo(thresholds.passMin()) < 0 ? Grade.FAIL
                : score.compareTo(thresholds.excellentMin()) >= 0 ? Grade.EXCELLENT : Grade.PASS;
        return new Result(score, vetoed, grade, problems);
    }
}
