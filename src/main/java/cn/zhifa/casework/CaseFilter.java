package cn.zhifa.casework;

/**
 * List filters; null means any. {@code sort}: "filed" (default, newest first), "fine", "stage". {@code yearOf} says which
 * date {@code year} applies to: the registration (default), "filed" (立案, as the statistics count cases filed) or
 * "decided" (a penalty decided in the year, as the statistics count decisions; 不予处罚 left out).
 */
public record CaseFilter(String keyword, CaseStage stage, CaseKind kind, Integer year, String sort, String yearOf) {

    public CaseFilter(String keyword, CaseStage stage, CaseKind kind, Integer year, String sort) {
        this(keyword, stage, kind, year, sort, null);
    }

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null);
    }
}
