package cn.zhifa.hazard.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.inspection.ChecklistManagement;
import cn.zhifa.inspection.ChecklistTemplate;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.TaskView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.shared.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 检查前分析评估表, generated before a visit from the firm's profile (risk features, major hazard source),
 * its open hazards, its past inspections, and the 重大事故隐患判定标准 that apply to it. Lives in the hazard
 * module because it needs the hazard register (hazard comes after inspection). Past cases are not shown
 * yet: casework comes later in the module order and offers no port for this.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class AssessmentPage {

    private final InspectionManagement inspections;
    private final HazardManagement hazards;
    private final EnterpriseManagement enterprises;
    private final ChecklistManagement checklists;

    AssessmentPage(InspectionManagement inspections, HazardManagement hazards, EnterpriseManagement enterprises,
                   ChecklistManagement checklists) {
        this.inspections = inspections;
        this.hazards = hazards;
        this.enterprises = enterprises;
        this.checklists = checklists;
    }

    @GetMapping("/inspection/tasks/{id}/assessment")
    String assessment(@PathVariable long id, Model model) {
        TaskView task = inspections.task(id);
        EnterpriseSummary enterprise = enterprises.find(task.enterpriseId())
                .orElseThrow(() -> RuleViolation.notFound("被检查企业不存在。"));
        model.addAttribute("task", task);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("openHazards", hazards.openOf(task.enterpriseId()));
        model.addAttribute("pastRecords", inspections.recordsOf(task.enterpriseId()));
        model.addAttribute("applicable", applicable(enterprise));
        return "hazard/assessment";
    }

    /** The checklists whose criteria apply: 管理类 always; 粉尘、涉氨、有限空间、危化品 by risk feature. */
    private List<Applicable> applicable(EnterpriseSummary enterprise) {
        Set<RiskFeature> features = enterprise.riskFeatures();
        List<Applicable> list = new ArrayList<>();
        for (ChecklistTemplate template : checklists.current()) {
            String why = switch (template.getCode()) {
                case "GM-MGMT" -> features.contains(RiskFeature.METALLURGY)
                        ? "所有工贸企业；金属冶炼企业另适用第三条第（三）项" : "所有工贸企业";
                case "GM-DUST" -> features.contains(RiskFeature.COMBUSTIBLE_DUST) ? "存在粉尘爆炸危险" : null;
                case "GM-NH3" -> features.contains(RiskFeature.AMMONIA_REFRIGERATION) ? "使用液氨制冷" : null;
                case "GM-CS" -> features.contains(RiskFeature.CONFINED_SPACE) ? "存在有限空间作业" : null;
                case "HG" -> enterprise.hazardousChemicals() || features.contains(RiskFeature.MAJOR_HAZARD)
                        ? "危险化学品生产、经营、使用或储存" : null;
                default -> null;
            };
            if (why != null) {
                long major = template.getItems().stream().filter(ChecklistTemplate.Item::major).count();
                list.add(new Applicable(template.getId(), template.getTitle(), why, template.getItems().size(), major));
            }
        }
        return list;
    }

    record Applicable(long templateId, String title, String reason, int items, long majorItems) {
    }
}
