package cn.zhifa.shared.web;

import cn.zhifa.shared.security.Actor;
import java.util.List;

/** Counts shown on the home page (待办), contributed by each module for the logged-in user. */
@FunctionalInterface
public interface PendingWorkCounter {

    List<Pending> count(Actor actor);

    /** A labelled count with the page that lists the items. */
    record Pending(String label, long count, String href, int order) {
    }
}
