package cn.zhifa.evidence;

/** What an evidence file holds; each kind has its own size limit. */
public enum MediaKind {
    PHOTO("照片"),
    AUDIO("录音"),
    VIDEO("视频");

    private final String label;

    MediaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
