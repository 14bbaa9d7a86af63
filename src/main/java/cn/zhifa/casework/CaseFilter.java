package cn.zhifa.casework;

/** List filters; null means any. {@code sort}: "filed" (default, newest first), "fine", "stage". */
public record CaseFilter(String keyword, CaseStage stage, CaseKind kind, Integer year, String sort) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null);
    }
}
