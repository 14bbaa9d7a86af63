package cn.zhifa.outreach.internal;

import cn.zhifa.registry.EnterpriseProfileSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The firm's profile block: its 帮扶 visits and the 提示函 / 警示函 it received, newest first, with a link to all. */
@Component
class OutreachForFirms implements EnterpriseProfileSection {

    private final Experts experts;
    private final Letters letters;

    OutreachForFirms(Experts experts, Letters letters) {
        this.experts = experts;
        this.letters = letters;
    }

    @Override
    public Optional<Block> blockFor(long enterpriseId) {
        long visits = experts.countVisitsTo(enterpriseId);
        List<Letters.LetterView> received = letters.to(enterpriseId, 50);
        List<String> lines = new ArrayList<>();
        for (Experts.VisitView v : experts.visitsTo(enterpriseId, 3)) {
            lines.add(v.visitedOn() + " 帮扶走访" + (v.experts().isEmpty() ? "" : "（专家 " + String.join("、", v.experts()) + "）")
                    + "：" + v.problems());
        }
        received.stream().limit(3).forEach(l -> lines.add(l.issuedOn() + " " + l.kind().label() + " " + l.documentNumber()
                + "：" + l.subject()));
        long tips = received.stream().filter(l -> l.kind() == LetterKind.TIP).count();
        String headline = visits == 0 && received.isEmpty() ? "暂无帮扶走访和提示警示函"
                : "帮扶走访 " + visits + " 次，提示函 " + tips + " 份，警示函 " + (received.size() - tips) + " 份";
        return Optional.of(new Block("帮扶与提示警示", headline, lines, "/outreach/visits?enterpriseId=" + enterpriseId));
    }
}
