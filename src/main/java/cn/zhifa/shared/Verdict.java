package cn.zhifa.shared;

/**
 * The answer of a named policy: allowed, or refused with a reason a user can read (in Chinese).
 */
public record Verdict(boolean allowed, String reason) {

    private static final Verdict ALLOWED = new Verdict(true, "");

    public static Verdict allow() {
        return ALLOWED;
    }

    public static Verdict refuse(String reason) {
        return new Verdict(false, reason);
    }

    public boolean refused() {
        return !allowed;
    }

    /** Throws a {@link RuleViolation} carrying the reason when refused. */
    public void orThrow() {
        if (refused()) {
            throw new RuleViolation(reason);
        }
    }

    /** The first refusal among the given verdicts, or allowed. */
    public static Verdict all(Verdict... verdicts) {
        for (Verdict verdict : verdicts) {
            if (verdict.refused()) {
                return verdict;
            }
        }
        return ALLOWED;
    }
}
