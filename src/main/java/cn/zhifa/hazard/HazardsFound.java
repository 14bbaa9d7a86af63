package cn.zhifa.hazard;

import java.util.List;

/**
 * The hazards one submitted inspection record registered, as one event: each module listener gets one publication per
 * record instead of one per hazard (issue 18: a record with 5 failed items wrote 10 publications, each delivered in
 * three transactions). Listeners treat each entry as a {@link HazardFound}; other paths still publish those one by one.
 */
public record HazardsFound(List<HazardFound> hazards) {

    public HazardsFound {
        hazards = List.copyOf(hazards);
    }
}
