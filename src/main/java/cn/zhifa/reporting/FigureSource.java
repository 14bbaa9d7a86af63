package cn.zhifa.reporting;

import java.util.Collection;
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
    Set<String> provides();

    /**
     * The figures of {@code year}: a count ({@link Long}) for plain figures, a map from a Chinese label to a count for
     * the {@code …By…} figures (e.g. {@code complaintsByChannel}: 电话 → 12).
     */
    Map<String, Object> figures(int year, Collection<Long> organizationIds);
}
