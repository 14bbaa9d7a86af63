package cn.zhifa.casework.internal.service;

/**
 * How a document was served (行政处罚法第六十一条, 民事诉讼法第八十七条至第九十五条), and which day counts as served:
 * the day signed on the 送达回证, the day of lodging, the day on the postal receipt, the day the electronic message
 * reached the party, or the end of the 公告 period.
 */
public enum ServiceMethod {
    DIRECT("直接送达", "送达回证上的签收日期"),
    LODGED("留置送达", "留置之日"),
    ENTRUSTED("委托送达", "送达回证上的签收日期"),
    POSTAL("邮寄送达", "邮件回执上注明的收件日期"),
    ELECTRONIC("电子送达", "到达受送达人电子送达地址之日"),
    PUBLIC_NOTICE("公告送达", "发出公告之日");

    private final String label;
    private final String eventLabel;

    ServiceMethod(String label, String eventLabel) {
        this.label = label;
        this.eventLabel = eventLabel;
    }

    public String label() {
        return label;
    }

    /**
     * The method named in words on a 送达回执 or 送达回证 (“直接送达”, “留置送达（见证人…）” …): the method whose label
     * it starts with, else empty.
     */
    public static java.util.Optional<ServiceMethod> named(String words) {
        if (words == null) {
            return java.util.Optional.empty();
        }
        String w = words.strip();
        return java.util.Arrays.stream(values()).filter(m -> w.startsWith(m.label) || w.startsWith(m.label.substring(0, 2)))
                .findFirst();
    }

    /** What the recorded day is for this method. */
    public String eventLabel() {
        return eventLabel;
    }
}
