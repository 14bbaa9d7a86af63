package cn.zhifa.accident;

/** List filters: grade, year of the accident, unit (its subtree), status and a keyword on the firm or title. */
public record AccidentFilter(cn.zhifa.law.AccidentGrade grade, Integer year, Long unitId, AccidentStatus status, String keyword) {

    public static AccidentFilter none() {
        return new AccidentFilter(null, null, null, null, null);
    }
}
