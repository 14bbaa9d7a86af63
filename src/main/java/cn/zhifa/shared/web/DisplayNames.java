package cn.zhifa.shared.web;

import java.util.Optional;

/**
 * How people name what the platform stores by key, for pages that list records of many modules (the audit log):
 * a user's name for a login name, a case number for "案件 12". Each module answers for its own kinds of target;
 * empty when it does not know the key.
 */
public interface DisplayNames {

    /** The person's name for a login name. */
    default Optional<String> person(String username) {
        return Optional.empty();
    }

    /** What people call the target, e.g. ("案件", "12") → "东应急罚〔2026〕3号". */
    default Optional<String> target(String targetType, String targetId) {
        return Optional.empty();
    }
}
