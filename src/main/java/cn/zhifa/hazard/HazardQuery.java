package cn.zhifa.hazard;

/**
 * What a hazard register page or API call asks for: one filter, optionally one unit's subtree or one inspection record,
 * an order and a page. Filtering, ordering and paging happen in the database.
 *
 * @param filter   open (default), overdue, due-soon, major, supervised, closed, major-closed (重大 and 销号), all
 * @param unitId   only hazards of this unit and the units below it (within the caller's data scope), optional
 * @param recordId only hazards found by this inspection record, optional
 * @param sort     deadline (default: open first, nearest deadline first), found (newest first), found-asc
 * @param page     0-based page number
 * @param size     rows per page (1–200)
 * @param year     only hazards found in this year and registered (not a report awaiting verification), as reporting
 *                 counts 发现隐患 — the statistics dashboard's drill-down; optional
 */
public record HazardQuery(String filter, Long unitId, Long recordId, String sort, int page, int size, Integer year) {

    public static final java.util.List<String> FILTERS = java.util.List.of("open", "overdue", "due-soon", "major",
            "supervised", "closed", "major-closed", "all");

    public HazardQuery(String filter, Long unitId, Long recordId, String sort, int page, int size) {
        this(filter, unitId, recordId, sort, page, size, null);
    }
    public static final java.util.List<String> SORTS = java.util.List.of("deadline", "found", "found-asc");

    public HazardQuery {
        filter = filter == null || !FILTERS.contains(filter) ? "open" : filter;
        sort = sort == null || !SORTS.contains(sort) ? "deadline" : sort;
        page = Math.max(0, page);
        size = size < 1 ? 20 : Math.min(size, 200);
    }

    public static HazardQuery of(String filter) {
        return new HazardQuery(filter, null, null, null, 0, 20);
    }
}
