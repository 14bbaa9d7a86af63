package cn.zhifa.evidence;

/** Where a file came from. */
public enum EvidenceSource {
    PHONE("执法终端"),
    BODY_CAMERA("执法记录仪导出"),
    UPLOAD("电脑上传");

    private final String label;

    EvidenceSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
