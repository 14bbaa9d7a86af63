package cn.zhifa.shared.demo;

/**
 * A module's part of the demo city. {@link #load()} must be idempotent (a restart adds nothing),
 * deterministic (fixed seeds) and run in one transaction; {@link #purge()} removes what it created.
 */
public interface DemoDataLoader {

    /** Lower loads first and purges last. The organisation tree is 0. */
    int order();

    void load();

    void purge();
}
