package cn.zhifa.inspection;

import java.util.List;
import java.util.Optional;

/**
 * What another module adds to a 现场检查记录 without inspection depending on it (training: 逢查必考): a block on the
 * record page with its actions, and lines the 现场检查记录 document prints after the findings.
 */
public interface RecordSupplement {

    /** The block shown on the record page, if the module has something to show or offer for this record. */
    Optional<Block> blockFor(InspectionRecord record);

    /** Lines printed in the document's 检查情况 after the findings, e.g. "逢查必考：张三（主要负责人）答题5道，得分80分（及格）". */
    List<String> documentLines(InspectionRecord record);

    /**
     * @param id      the element id on the page
     * @param lines   what is recorded, one a line
     * @param warning a finding to draw the officer's eye to, or null
     */
    record Block(String id, String title, List<String> lines, String warning, List<Link> actions) {

        public Block {
            lines = List.copyOf(lines);
            actions = List.copyOf(actions);
        }
    }

    /** @param action the {@code cn.zhifa.shared.security.Action} name the page asks before offering the link */
    record Link(String id, String label, String href, String action, boolean primary) {
    }
}
