package cn.zhifa.supervision.review;

import cn.zhifa.reporting.FigureSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 案卷评查's figures of the annual report: the case files of the year's review plans scored for the given units, and the
 * problems the reviews raised with those units.
 */
@Component
class CaseReviewFigures implements FigureSource {

    private final JdbcClient jdbc;

    CaseReviewFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> provides() {
        return Set.of("caseReviews", "caseReviewProblems");
    }

    @Override
    public Map<String, Object> figures(int year, Collection<Long> organizationIds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (organizationIds.isEmpty()) {
            figures.put("caseReviews", 0L);
            figures.put("caseReviewProblems", 0L);
            return figures;
        }
        List<Long> orgs = List.copyOf(organizationIds);
        figures.put("caseReviews", jdbc.sql("""
                        SELECT count(*) FROM case_review_file f JOIN case_review_plan p ON p.id = f.plan_id
                        WHERE p.year = :year AND f.unit_id IN (:orgs) AND f.scored_at IS NOT NULL""")
                .param("year", year).param("orgs", orgs).query(Long.class).single());
        figures.put("caseReviewProblems", jdbc.sql("""
                        SELECT count(*) FROM case_review_problem r JOIN case_review_plan p ON p.id = r.plan_id
                        WHERE p.year = :year AND r.unit_id IN (:orgs)""")
                .param("year", year).param("orgs", orgs).query(Long.class).single());
        return figures;
    }
}
