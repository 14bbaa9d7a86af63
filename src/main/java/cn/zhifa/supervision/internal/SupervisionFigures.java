package cn.zhifa.supervision.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.supervision.ChannelStatistics;
import cn.zhifa.supervision.ReviewView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Supervision's figures of the annual report: complaints received per channel (duplicates not counted), and decided
 * 行政复议 and 行政诉讼 (应诉 of second instance and retrial counted with the suits) per outcome, each keyed by its
 * Chinese label with every channel and outcome listed. 案卷评查 is not answered here.
 */
@Component
class SupervisionFigures implements FigureSource {

    private final Complaints complaints;
    private final ReviewLedger reviews;

    SupervisionFigures(Complaints complaints, ReviewLedger reviews) {
        this.complaints = complaints;
        this.reviews = reviews;
    }

    @Override
    public Set<String> provides() {
        return Set.of("complaintsByChannel", "reconsiderationsByOutcome", "lawsuitsByOutcome");
    }

    @Override
    public Map<String, Object> figures(int year, Collection<Long> organizationIds) {
        Map<String, Long> byChannel = new LinkedHashMap<>();
        for (ChannelStatistics row : complaints.statistics(organizationIds, year)) {
            byChannel.put(row.label(), row.received());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("complaintsByChannel", byChannel);
        figures.put("reconsiderationsByOutcome",
                labelled(reviews.byOutcome(organizationIds, year, List.of(ReviewView.Kind.REVIEW))));
        figures.put("lawsuitsByOutcome", labelled(reviews.byOutcome(organizationIds, year,
                List.of(ReviewView.Kind.LITIGATION, ReviewView.Kind.RESPONSE))));
        return figures;
    }

    private static Map<String, Long> labelled(Map<ReviewView.Outcome, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((outcome, n) -> out.put(outcome.label(), n));
        return out;
    }
}
