package cn.zhifa.documents;

/**
 * A document number (文号) {@code （机关简称）应急{代字}〔YYYY〕N号}, e.g. {@code （津东丽）应急罚〔2026〕12号}.
 */
public record DocumentNumber(String authorityShortName, String prefix, int year, int serial) {

    public DocumentNumber {
        if (authorityShortName == null || authorityShortName.isBlank()) throw new IllegalArgumentException("机关简称");
        if (prefix == null || prefix.isBlank()) throw new IllegalArgumentException("代字");
        if (serial < 1) throw new IllegalArgumentException("serial");
    }

    /** The printed form. {@code prefix} is the full 代字 including 应急 (e.g. 应急罚). */
    public String text() {
        return "（" + authorityShortName + "）" + prefix + "〔" + year + "〕" + serial + "号";
    }

    @Override
    public String toString() {
        return text();
    }
}
