package cn.zhifa.shared.web;

import java.util.List;

/** A module's navigation entries; the layout shows those the user's roles may open. */
@FunctionalInterface
public interface MenuContribution {

    List<MenuItem> menuItems();
}
