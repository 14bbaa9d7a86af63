package cn.zhifa.shared.security;

/**
 * A module's answer to "is this firm part of this user's own work?" (a task or record they are on, a hazard
 * they found or handle, a case they handle). The data scope lets an officer open every firm of their own work
 * even where the firm is supervised by a unit outside their subtree (a township beside their brigade).
 */
@FunctionalInterface
public interface OwnWork {

    boolean concernsFirm(long userId, long enterpriseId);
}
