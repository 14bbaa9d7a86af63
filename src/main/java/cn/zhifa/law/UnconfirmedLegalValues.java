package cn.zhifa.law;

import java.util.List;

/**
 * Legal values a module keeps in its own configuration and marks {@code confirmed: false} (local or not yet checked
 * against the source): the ADMIN law page lists them beside law's own unconfirmed periods and rules. Each line is Chinese,
 * naming the value and its source.
 */
@FunctionalInterface
public interface UnconfirmedLegalValues {

    List<String> unconfirmed();
}
