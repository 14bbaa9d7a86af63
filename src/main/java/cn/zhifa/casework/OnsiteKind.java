package cn.zhifa.casework;

/** The structured records of a case and the standard document each one issues (template kind of the documents module). */
public enum OnsiteKind {
    INQUIRY_NOTICE("询问通知", "INQUIRY_NOTICE", "inquiry-notice"),
    INQUIRY("询问笔录", "INQUIRY_RECORD", "inquiry"),
    SURVEY("勘验笔录", "SURVEY_RECORD", "survey"),
    PRESERVATION("先行登记保存证据", "EVIDENCE_PRESERVATION_NOTICE", "preservation"),
    REPORT("调查报告", "INVESTIGATION_REPORT", "report"),
    HEARING("听证笔录", "HEARING_RECORD", "hearing"),
    ON_THE_SPOT("当场处罚", "ON_SPOT_PENALTY", "on-the-spot"),
    SERVICE("送达回执", "SERVICE_RECEIPT", "service");

    private final String label;
    private final String documentKind;
    private final String slug;

    OnsiteKind(String label, String documentKind, String slug) {
        this.label = label;
        this.documentKind = documentKind;
        this.slug = slug;
    }

    public String label() {
        return label;
    }

    public String documentKind() {
        return documentKind;
    }

    /** The page address segment, e.g. /cases/12/records/inquiry. */
    public String slug() {
        return slug;
    }

    public static OnsiteKind bySlug(String slug) {
        for (OnsiteKind k : values()) {
            if (k.slug.equals(slug)) return k;
        }
        throw cn.zhifa.shared.RuleViolation.notFound("没有这种案件记录：" + slug);
    }
}
