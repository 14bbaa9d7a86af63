package cn.zhifa.reporting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module that records figures reporting cannot read from the modules it already knows (supervision's complaints,
 * 案卷评查, 复议/诉讼) implements this as a bean; reporting asks every source for the figures of a year over the given
 * units (already checked to be in the caller's scope). A figure no source {@link #provides() provides} reads zero and
 * is listed in {@link AnnualFigures#notRecorded()}.
 */
public interface FigureSource {

    /** The figure names this source answers, from {@link AnnualFigures#SUPPLEMENTARY}. */
    default Set<String> provides() {
        return Set.of();
    }

    /**
     * The figures of {@code year}: a count ({@link Long}) for plain figures, a map from a Chinese label to a count for
     * the {@code …By…} figures (e.g. {@code complaintsByChannel}: 电话 → 12).
     */
    default Map<String, Object> figures(int year, Collection<Long> organizationIds) {
        return Map.of();
    }

    /**
     * The year's figures of the source's own work over the given units, in the order the report prints them
     * (grouped by {@link WorkFigure#section()}); figures that read zero are left out by the report, not by the source.
     */
    default List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        return List.of();
    }
}
