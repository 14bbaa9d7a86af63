package cn.zhifa.shared.web;

import java.util.List;

/** Request patterns a module serves without login (public portal, toolbox, verification). */
@FunctionalInterface
public interface PublicPaths {

    List<String> patterns();
}
