package cn.zhifa.township.internal;

import cn.zhifa.shared.Verdict;

/**
 * A lead (线索) from a 专职安全员's finding: open until the assigned officer turns it into an inspection task or closes
 * it with a reason; either is final.
 */
public enum LeadStatus {
    OPEN("待处理"),
    INSPECTION("已转检查"),
    CLOSED("已关闭");

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Only an open lead may be turned into a task or closed. */
    public Verdict mayHandle() {
        return switch (this) {
            case OPEN -> Verdict.allow();
            case INSPECTION -> Verdict.refuse("该线索已转为检查任务，不能再处理。");
            case CLOSED -> Verdict.refuse("该线索已关闭，不能再处理。");
        };
    }
}
