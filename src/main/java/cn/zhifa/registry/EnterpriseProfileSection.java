package cn.zhifa.registry;

import java.util.List;
import java.util.Optional;

/**
 * A block another module adds to an enterprise's profile page (e.g. credit: the grade and its reasons), so the
 * registry shows it without depending on that module.
 */
public interface EnterpriseProfileSection {

    /** @param headline a short line in bold (e.g. ‘信用等级：较差’); {@code lines} the reasons; {@code link} may be empty */
    record Block(String title, String headline, List<String> lines, String link) {
        public Block {
            lines = List.copyOf(lines);
        }
    }

    Optional<Block> blockFor(long enterpriseId);
}
