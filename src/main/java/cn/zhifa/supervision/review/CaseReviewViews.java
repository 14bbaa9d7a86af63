package cn.zhifa.supervision.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the 案卷评查 pages and API show (Chinese labels, no codes). */
public final class CaseReviewViews {

    private CaseReviewViews() {}

    public record StandardItem(long id, ReviewGroup group, String groupLabel, int position, String text, BigDecimal points,
                               boolean veto) {}

    public record Standard(long id, int version, String name, BigDecimal excellentMin, BigDecimal passMin,
                           BigDecimal fullPoints, List<StandardItem> items) {}

    public record PlanRow(long id, int year, String name, int files, int scored, BigDecimal averageScore) {}

    public record MarkView(long itemId, String groupLabel, String itemText, BigDecimal deducted, boolean vetoed, String comment) {}

    public record FileView(long id, long caseId, String caseLabel, String unitName, String reviewerName,
                           List<String> prechecks, BigDecimal score, boolean vetoed, String grade, boolean scored,
                           boolean mine, int version, List<MarkView> marks) {}

    public record ProblemView(long id, long fileId, String caseLabel, String unitName, String groupLabel, String text,
                              LocalDate dueOn, String reply, LocalDate repliedOn, boolean overdue) {}

    /** The plan's figures: files sampled and scored, average score, files per grade, problems per group (every one listed). */
    public record Summary(int files, int scored, BigDecimal averageScore, Map<String, Long> grades,
                          Map<String, Long> problemsByGroup) {}

    public record PlanDetail(long id, int year, String name, long standardId, String standardName, List<FileView> files,
                             List<ProblemView> problems, Summary summary) {}
}
