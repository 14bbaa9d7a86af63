package cn.zhifa.shared.db;

/**
 * An aggregate whose child rows carry the root's organisation id, the key they would be distributed by (Citus) or
 * filtered by (issue 18, README "Past one database"). Spring Data JDBC deletes and re-inserts the children on every
 * save, and Citus runs no triggers on distributed tables, so the root gives them the id in code, in this one method,
 * which {@link KeyedChildrenCallback} calls before every save. Children built without it (a team member, a step, an
 * instalment) have none until then; the column is NOT NULL, so a root that forgets one fails on its first save.
 */
public interface KeyedChildren {

    /** Gives every child the root's organisation id; idempotent. */
    void keyChildren();
}
