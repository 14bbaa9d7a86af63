package cn.zhifa.registry;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.internal.Certificates;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo officers' 行政执法证: leader1, officer1, officer2 and zf001–zf034 hold valid certificates (zf001 and zf002
 * expire within the warning period, zf003 is suspended), zf036–zf038 were revoked (退休/调离), zf035 has none.
 * Plus training records, three 技术检查员 and six 社会监督员. Dates are relative to the clock's today.
 */
@Component
class OfficerDemoData implements DemoDataLoader {

    private static final String AUTHORITY = "示例市人民政府";
    private static final String[] COURSES = {"安全生产法律法规", "行政执法程序与文书制作", "危险化学品安全监管", "工贸行业重大事故隐患判定标准", "执法记录仪使用规范"};

    private final Certificates certificates;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SupervisorTerms terms;

    OfficerDemoData(Certificates certificates, UserManagement users, JdbcClient jdbc, Clock clock, SupervisorTerms terms) {
        this.terms = terms;
        this.certificates = certificates;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM officer_certificate WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        List<String> names = new ArrayList<>(List.of("leader1", "officer1", "officer2"));
        for (int i = 1; i <= 38; i++) {
            names.add("zf%03d".formatted(i));
        }
        Random random = new Random(4754);
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        Long city = null;
        for (String username : names) {
            Optional<UserView> user = users.findByUsername(username);
            if (user.isEmpty() || username.equals("zf035")) {
                continue;
            }
            UserView officer = user.get();
            if (city == null) {
                city = officer.organizationId();
            }
            LocalDate issued = today.minusDays(200 + random.nextInt(1500));
            LocalDate expires = switch (username) {
                case "zf001" -> today.plusDays(12);
                case "zf002" -> today.plusDays(25);
                default -> issued.plusYears(5).isAfter(today.plusDays(60)) ? issued.plusYears(5) : today.plusYears(3);
            };
            OfficerCertificate certificate = OfficerCertificate.issue(officer.id(), officer.displayName(),
                    officer.organizationId(), "13990%07d".formatted(2100 + n++), AUTHORITY, issued, expires, null, true,
                    clock.instant());
            switch (username) {
                case "zf003" -> certificate.suspend("涉嫌违规执法，暂扣待查", today.minusDays(5));
                case "zf036" -> certificate.revoke("退休", today.minusDays(40));
                case "zf037", "zf038" -> certificate.revoke("调离执法岗位", today.minusDays(20 + n));
                default -> { }
            }
            certificates.save(certificate);
            for (int t = 0; t < 2; t++) {
                jdbc.sql("INSERT INTO officer_training (user_id, course, hours, exam_score, completed_on, organization_id, demo)"
                                + " VALUES (?, ?, ?, ?, ?, ?, TRUE)")
                        .params(officer.id(), COURSES[random.nextInt(COURSES.length)], BigDecimal.valueOf(8 + random.nextInt(33)),
                                BigDecimal.valueOf(70 + random.nextInt(31)), Date.valueOf(today.minusDays(10 + random.nextInt(300))),
                                officer.organizationId())
                        .update();
            }
        }
        if (city == null) {
            return;
        }
        long root = users.findByUsername("supervisor1").map(UserView::organizationId).orElse(city);
        for (int i = 0; i < 9; i++) {
            boolean social = i >= 3;
            LocalDate start = today.minusDays(100 + random.nextInt(600));
            jdbc.sql("INSERT INTO supervisor (kind, name, id_number, employer, phone, organization_id, term_start, term_end, demo) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)")
                    .params(social ? "SOCIAL" : "TECHNICAL", name(random), null,
                            social ? new String[]{"示例市总工会", "东城区人大代表", "示例日报社", "西城区政协", "示例市律师协会", "高新区居民代表"}[i - 3]
                                    : "示例市安全生产专家库",
                            "139" + "%08d".formatted(random.nextInt(100_000_000)), root, Date.valueOf(start),
                            Date.valueOf(social ? terms.social().lastDayFrom(start) : start.plusYears(2)))
                    .update();
        }
    }

    private static String name(Random random) {
        String surnames = "王李张刘陈杨赵黄周吴徐孙";
        String given = "建华志强秀英海燕国平丽娟";
        return "" + surnames.charAt(random.nextInt(surnames.length())) + given.charAt(random.nextInt(given.length()))
                + given.charAt(random.nextInt(given.length()));
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM officer_certificate WHERE demo").update();
        jdbc.sql("DELETE FROM officer_training WHERE demo").update();
        jdbc.sql("DELETE FROM supervisor WHERE demo").update();
    }
}
