package cn.zhifa.planning.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.Amendment;
import cn.zhifa.planning.Campaign;
import cn.zhifa.planning.EnforcementLevel;
import cn.zhifa.planning.Grade;
import cn.zhifa.planning.GradingManagement;
import cn.zhifa.planning.InspectionPlan;
import cn.zhifa.planning.PlanItem;
import cn.zhifa.planning.PlanManagement;
import cn.zhifa.planning.PlanStatus;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annual inspection plans and 分类分级 results over JSON (read only, data-scoped: another unit's plan or an organisation
 * outside the caller's subtree is 403, an unknown plan a 404 problem).
 */
@RestController
@Tag(name = "检查计划与分类分级", description = "年度检查计划、企业分级结果及理由（只读）")
@Allowed(Action.READ_BUSINESS)
class PlanningApi {

    private final PlanManagement plans;
    private final GradingManagement grading;
    private final OrganizationManagement organizations;
    private final Clock clock;

    PlanningApi(PlanManagement plans, GradingManagement grading, OrganizationManagement organizations, Clock clock) {
        this.plans = plans;
        this.grading = grading;
        this.organizations = organizations;
        this.clock = clock;
    }

    record PlanSummary(long id, long organizationId, String organizationName, int year, String title, PlanStatus status,
                       String statusLabel, BigDecimal randomRatio, int randomCount, int keyFirms, int plannedVisits,
                       int campaigns, int amendments, LocalDate meetingDate, String approvedByName, Instant approvedAt,
                       String filedWith, Instant filedAt, Instant publishedAt, int version) {
    }

    record PlanDetail(PlanSummary plan, String meetingRecord, List<PlanItem> items, List<Campaign> campaigns,
                      List<Amendment> amendments) {
    }

    /** A firm's grade for the year, the enforcement level that inspects it, its yearly frequency and why (the deciding rule). */
    record GradedFirm(long enterpriseId, String name, long organizationId, String townName, Grade grade, String gradeLabel,
                      EnforcementLevel level, String levelLabel, int annualFrequency, String ruleName, List<String> reasons,
                      Set<String> riskFeatures, Integer majorHazardGrade, String creditGrade, boolean whitelisted) {
    }

    PlanSummary summary(InspectionPlan p) {
        return new PlanSummary(p.getId(), p.getOrganizationId(), organizationName(p.getOrganizationId()), p.getYear(), p.getTitle(),
                p.getStatus(), p.getStatus().label(), p.getRandomRatio(), p.getRandomCount(), p.keyFirms().size(),
                p.plannedVisits(), p.getCampaigns().size(), p.getAmendments().size(), p.getMeetingDate(), p.getApprovedByName(),
                p.getApprovedAt(), p.getFiledWith(), p.getFiledAt(), p.getPublishedAt(), p.getVersion());
    }

    private String organizationName(long id) {
        return organizations.find(id).map(OrganizationView::name).orElse(null);
    }

    @GetMapping("/api/v1/planning/plans")
    @Operation(summary = "年度检查计划（本单位及下级单位；year：年度），新年度在前")
    Page<PlanSummary> plans(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        validYear(year);
        return Page.of(plans.visiblePlans().stream().filter(p -> year == null || p.getYear() == year)
                .sorted(Comparator.comparing(InspectionPlan::getYear).reversed().thenComparing(InspectionPlan::getId))
                .map(this::summary).toList(), page, size);
    }

    @GetMapping("/api/v1/planning/plans/{id}")
    @Operation(summary = "检查计划详情：重点企业及计划月份、认领、专项执法、变更记录")
    PlanDetail plan(@PathVariable long id) {
        InspectionPlan p = plans.get(id);
        return new PlanDetail(summary(p), p.getMeetingRecord(), p.getItems(), p.getCampaigns(), p.getAmendments());
    }

    @GetMapping("/api/v1/planning/grading")
    @Operation(summary = "分类分级结果（year：年度，缺省为今年；organizationId：某单位及其下级，缺省为本单位；grade：A/B/C/D）："
            + "每家企业的等级、执法层级、年检查频次及判定理由")
    Page<GradedFirm> grading(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long organizationId,
                             @RequestParam(required = false) Grade grade, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        validYear(year);
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        long org = organizationId == null ? Actors.require().organizationId() : organizationId;
        return Page.of(grading.results(org, y, grade), page, size).map(g -> {
            var f = g.firm();
            var r = g.grading();
            return new GradedFirm(f.enterpriseId(), f.name(), f.organizationId(), f.townName(), r.grade(), r.grade().label(),
                    r.level(), r.level() == null ? null : r.level().label(), r.annualFrequency(), r.ruleName(), r.reasons(),
                    f.riskFeatures(), f.majorHazardGrade(), f.creditGrade(), f.whitelisted());
        });
    }

    private static void validYear(Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw new IllegalArgumentException("年度“" + year + "”不在 2000—2100 之间。");
        }
    }
}
