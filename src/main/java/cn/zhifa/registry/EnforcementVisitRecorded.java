package cn.zhifa.registry;

import java.util.List;

/**
 * The officers' {@link EnforcementActRecorded acts} of one visit and its {@link EnterpriseTimelineEntry timeline entry}
 * in one publication: the registry stores them in one transaction (issue 18: an inspection record's two officers and its
 * entry were three publications, each delivered in three transactions). Publishing it twice stores everything once.
 */
public record EnforcementVisitRecorded(List<EnforcementActRecorded> acts, EnterpriseTimelineEntry timelineEntry) {

    public EnforcementVisitRecorded {
        acts = acts == null ? List.of() : List.copyOf(acts);
    }
}
