package cn.zhifa.shared;

/**
 * A command was refused by a rule; the message is shown to the user as it is (Chinese).
 * Pages show it next to the form, the API answers with a problem detail (HTTP 422; 409 for a conflict;
 * 404 when the record does not exist). Access outside the user's data scope is an AccessDeniedException (403).
 */
public class RuleViolation extends RuntimeException {

    private final Kind kind;

    public enum Kind { REFUSED, CONFLICT, NOT_FOUND }

    public RuleViolation(String message) {
        this(Kind.REFUSED, message);
    }

    public RuleViolation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static RuleViolation notFound(String message) {
        return new RuleViolation(Kind.NOT_FOUND, message);
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
