package cn.zhifa.supervision.review;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.demo.DemoDataLoader;
import cn.zhifa.supervision.review.CaseReviewViews.StandardItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's 案卷评查: a plan over 东城's decided and closed cases of the year (a fixed-seed sample), reviewed by
 * the city supervisor (互查: never the brigade's own people), one file excellent, one with deductions, one failed by a
 * veto, their problems waiting for the brigade's replies.
 */
@Component
class CaseReviewDemoData implements DemoDataLoader {

    private final CaseReviews reviews;
    private final UserManagement users;

    CaseReviewDemoData(CaseReviews reviews, UserManagement users) {
        this.reviews = reviews;
        this.users = users;
    }

    @Override
    public int order() {
        return 96;
    }

    @Override
    @Transactional
    public void load() {
        if (reviews.hasDemo()) {
            return;
        }
        UserView supervisor = users.findByUsername("supervisor1").orElse(null);
        UserView leader = users.findByUsername("leader1").orElse(null);
        if (supervisor == null || leader == null || supervisor.organizationId() == leader.organizationId()) {
            return;
        }
        cn.zhifa.inspection.DemoActor.of(supervisor).run(() -> {
            int year = reviews.today().getYear();
            long planId;
            try {
                planId = reviews.createPlan(new CaseReviews.CreatePlan(year, year + "年度行政处罚案卷评查",
                        List.of(leader.organizationId()), 3, null, List.of(supervisor.id())), supervisor.id(), true, new Random(16));
            } catch (RuleViolation none) {
                return; // no decided or closed case this year: no plan
            }
            List<StandardItem> items = reviews.currentStandard().items();
            var files = reviews.plan(planId).files();
            for (int n = 0; n < files.size(); n++) {
                var f = files.get(n);
                List<CaseReviews.MarkInput> marks = switch (n) {
                    case 0 -> List.of(mark(items, "ARCHIVE", false, "1", "卷内目录未填写页号"));
                    case 1 -> List.of(mark(items, "EVIDENCE", false, "5", "现场检查记录未载明检查地点，询问笔录缺少被询问人签名"),
                            mark(items, "DISCRETION", false, "6", "适用从轻处罚未说明理由"),
                            mark(items, "DOCUMENTS", false, "2", "处罚决定书引用条款未具体到项"));
                    default -> List.of(mark(items, "PROCEDURE", true, "0", "罚款数额达到重大行政处罚标准，未经法制审核即作出决定"));
                };
                reviews.score(planId, f.id(), new CaseReviews.ScoreFile(marks, f.version()), supervisor.id());
            }
        });
    }

    private static CaseReviews.MarkInput mark(List<StandardItem> items, String group, boolean veto, String deducted, String comment) {
        StandardItem item = items.stream().filter(i -> i.group().name().equals(group) && i.veto() == veto).findFirst().orElseThrow();
        return new CaseReviews.MarkInput(item.id(), new BigDecimal(deducted), veto, comment);
    }

    @Override
    @Transactional
    public void purge() {
        reviews.purgeDemo();
    }
}
