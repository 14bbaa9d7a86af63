package cn.zhifa.accident;

import java.util.List;

/** A year's accidents counted by grade, industry, month and unit: number of accidents and deaths. */
public record AccidentStatistics(int year, long accidents, long deaths, List<Bucket> byGrade, List<Bucket> byIndustry,
                                 List<Bucket> byMonth, List<Bucket> byUnit) {

    public record Bucket(String label, long accidents, long deaths) {
    }
}
