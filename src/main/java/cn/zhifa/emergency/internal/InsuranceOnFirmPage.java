package cn.zhifa.emergency.internal;

import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseProfileSection;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The 安责险 block of a firm's page: its cover, its policies, and whether its industry must be insured. */
@Component
class InsuranceOnFirmPage implements EnterpriseProfileSection {

    private final InsuranceBook book;
    private final EnterpriseManagement enterprises;

    InsuranceOnFirmPage(InsuranceBook book, EnterpriseManagement enterprises) {
        this.book = book;
        this.enterprises = enterprises;
    }

    @Override
    public Optional<Block> blockFor(long enterpriseId) {
        EnterpriseSummary firm = enterprises.find(enterpriseId).orElse(null);
        if (firm == null) {
            return Optional.empty();
        }
        Optional<String> mandatory = book.rules().mandatoryIndustry(firm);
        List<String> policies = book.policyLines(enterpriseId);
        if (mandatory.isEmpty() && policies.isEmpty()) {
            return Optional.empty();
        }
        InsuranceStanding standing = book.standing(enterpriseId);
        List<String> lines = new ArrayList<>();
        mandatory.ifPresent(industry -> lines.add("属于" + industry + "等高危行业、领域，应当投保安责险（"
                + book.rules().insuranceSource() + "）。"));
        lines.addAll(policies);
        String headline = "安责险：" + standing.label() + (mandatory.isPresent() && standing.flagged() ? "，请督促投保或续保" : "");
        return Optional.of(new Block("安全生产责任保险", headline, lines, linkFor(firm)));
    }

    /** The link to the policies only for those who may open the register (not LEGAL, whose work is case review). */
    private static String linkFor(EnterpriseSummary firm) {
        boolean mayOpen = Actors.current().map(Action.READ_EMERGENCY::allows).orElse(false);
        return mayOpen ? "/emergency/insurance?q=" + URLEncoder.encode(firm.name(), StandardCharsets.UTF_8) : "";
    }
}
