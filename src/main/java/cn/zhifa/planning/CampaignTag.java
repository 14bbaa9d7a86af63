package cn.zhifa.planning;

/** A 专项 as other modules see it: its id (the tag tasks, records, hazards and cases carry), name, plan year and unit. */
public record CampaignTag(long id, String name, int year, long organizationId) {
}
