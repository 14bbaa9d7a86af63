package cn.zhifa.casework;

/**
 * The 备案 of penalty decisions (当场处罚 reported, 重大行政处罚 filed) counted for reporting and supervision, in the
 * caller's data scope.
 */
public interface CaseFilingStatistics {

    /** @param unitId keep that unit's subtree (null: the whole scope); @param year the decision year (null: every year) */
    FilingCount count(Long unitId, Integer year);
}
