package cn.zhifa.registry;

import java.util.Optional;

/**
 * A block another module adds to an officer's certificate page (e.g. training: sessions, hours, exams, awards), so the
 * registry shows it without depending on that module.
 */
public interface OfficerPageSection {

    Optional<EnterpriseProfileSection.Block> blockFor(long userId);
}
