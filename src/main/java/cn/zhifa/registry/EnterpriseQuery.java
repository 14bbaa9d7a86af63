package cn.zhifa.registry;

/**
 * Filters of the enterprise list; every field may be null (no filter).
 *
 * @param keyword         part of the name (2+ Chinese characters use the bigram index), pinyin initials
 *                        (e.g. "hxhg"), or a whole USCC
 * @param industry        a 门类 letter ("C") or 门类+大类 ("C26") or a 大类 ("26")
 * @param townCode        a division-code prefix (district "139902" or town "139902001")
 * @param organizationId  restricts to one unit and its subtree (within the caller's scope)
 */
public record EnterpriseQuery(String keyword, String uscc, String industry, String townCode, RiskFeature risk,
                              EnterpriseStatus status, SupervisionLevel level, Boolean whitelisted,
                              Long organizationId, Sort sort) {

    public enum Sort {
        NEWEST("最近录入"), NAME("名称"), EMPLOYEES("从业人数（多到少）");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static EnterpriseQuery all() {
        return new EnterpriseQuery(null, null, null, null, null, null, null, null, null, Sort.NEWEST);
    }

    public EnterpriseQuery withKeyword(String keyword) {
        return new EnterpriseQuery(keyword, uscc, industry, townCode, risk, status, level, whitelisted, organizationId, sort);
    }

    public Sort sortOrDefault() {
        return sort == null ? Sort.NEWEST : sort;
    }
}
