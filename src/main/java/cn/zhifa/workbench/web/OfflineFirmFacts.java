package cn.zhifa.workbench.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardView;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.TaskView;
import cn.zhifa.registry.EnterpriseForm;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseProfile;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The firm facts the field terminal takes along next to inspection's offline bundle: for each firm of the signed-in
 * officer's own open tasks (and no other), its contacts as the registry gives them (phones decrypted there), the
 * agencies serving it, its recent open hazards and its cases. Hazards and cases depend on inspection, so the facts
 * are gathered here, above all three; 今日检查 fetches them into the same IndexedDB bundle.
 */
@RestController
@Tag(name = "离线检查", description = "执法终端离线使用的数据")
class OfflineFirmFacts {

    private final InspectionManagement inspections;
    private final EnterpriseManagement enterprises;
    private final HazardManagement hazards;
    private final CaseManagement cases;
    /** {@code zhifa.offline.firm-hazards}: each firm's open hazards taken along, newest first. */
    private final int firmHazards;
    /** {@code zhifa.offline.firm-cases}: each firm's cases taken along, newest first. */
    private final int firmCases;

    OfflineFirmFacts(InspectionManagement inspections, EnterpriseManagement enterprises, HazardManagement hazards,
                     CaseManagement cases, @Value("${zhifa.offline.firm-hazards:10}") int firmHazards,
                     @Value("${zhifa.offline.firm-cases:5}") int firmCases) {
        this.firmHazards = firmHazards;
        this.firmCases = firmCases;
        this.inspections = inspections;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.cases = cases;
    }

    record Facts(List<Firm> firms) {
    }

    record Firm(long enterpriseId, String name, List<Contact> contacts, List<AgencyServing> agencies,
                List<OpenHazard> openHazards, List<CaseSeen> cases) {
    }

    record Contact(String role, String name, String phone) {
    }

    record AgencyServing(String name, String kind, String service, LocalDate since, String status) {
    }

    record OpenHazard(LocalDate foundOn, String level, String status, String description, String location,
                      LocalDate deadline, String warning) {
    }

    record CaseSeen(String caseNumber, String title, String stage, LocalDate proposedOn, LocalDate decidedOn,
                    BigDecimal fineYuan) {
    }

    @GetMapping("/api/v1/offline/firms")
    @Allowed(Action.INSPECT)
    @Transactional(readOnly = true)
    @Operation(summary = "离线包的企业信息：本人待检查任务所涉企业的联系人、中介机构、近期未销号隐患和案件")
    ResponseEntity<Facts> mine() {
        Set<Long> ids = new LinkedHashSet<>();
        for (TaskView task : inspections.myOpenTasks()) {
            ids.add(task.enterpriseId());
        }
        List<Firm> firms = new ArrayList<>();
        LocalDate today = hazards.today();
        for (long id : ids) {
            EnterpriseProfile profile = enterprises.profile(id);
            EnterpriseForm form = profile.form();
            List<Contact> contacts = new ArrayList<>();
            contact(contacts, "法定代表人", form.legalRepresentative(), form.legalRepresentativePhone());
            contact(contacts, "主要负责人", form.principalLeader(), form.principalPhone());
            contact(contacts, "安全管理人员", form.safetyManager(), form.safetyPhone());
            List<AgencyServing> agencies = profile.agencies().stream()
                    .map(a -> new AgencyServing(a.agencyName(), a.kind(), a.service(), a.since(), a.status().label()))
                    .toList();
            List<HazardView> open = hazards.openOf(id);
            List<HazardView> newest = new ArrayList<>(open.subList(Math.max(0, open.size() - firmHazards), open.size()));
            java.util.Collections.reverse(newest);
            List<OpenHazard> recent = newest.stream()
                    .map(h -> new OpenHazard(h.foundOn(), h.level().label(), h.status().label(), h.description(),
                            h.location(), h.deadline(), h.warning(today)))
                    .toList();
            List<CaseSeen> seen = cases.recentOf(id, firmCases).stream()
                    .map(c -> new CaseSeen(c.caseNumber(), c.title(), c.stage().label(), c.proposedOn(), c.decidedOn(),
                            c.fineYuan()))
                    .toList();
            firms.add(new Firm(id, profile.summary().name(), contacts, agencies, recent, seen));
        }
        // the download is an audited read of the contacts' phones (个人信息查阅): the entry names whose
        Audit.detail(firms.isEmpty() ? "无待检查企业" : firms.stream().map(Firm::name).collect(Collectors.joining("、")));
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(new Facts(firms));
    }

    private static void contact(List<Contact> contacts, String role, String name, String phone) {
        if ((name != null && !name.isBlank()) || (phone != null && !phone.isBlank())) {
            contacts.add(new Contact(role, name, phone));
        }
    }
}
