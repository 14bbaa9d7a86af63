package cn.zhifa.hazard;

import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.EvidenceSource;
import cn.zhifa.evidence.Upload;
import cn.zhifa.hazard.internal.Hazards;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the demo hazards (registered from the demo inspections) through every state: most closed (销号),
 * some awaiting 复查 or 销号, some overdue, one major hazard under 挂牌督办 with 五落实, one extension
 * request waiting for the leader, and one hazard an enterprise reported itself.
 */
@Component
class HazardDemoData implements DemoDataLoader {

    private final Hazards hazards;
    private final EvidenceManagement evidence;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;

    HazardDemoData(Hazards hazards, EvidenceManagement evidence, UserManagement users, JdbcClient jdbc, Clock clock) {
        this.hazards = hazards;
        this.evidence = evidence;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM hazard WHERE demo AND status <> 'RECTIFYING'").query(Long.class).single() > 0) {
            return;
        }
        Optional<UserView> a = users.findByUsername("officer1");
        Optional<UserView> b = users.findByUsername("officer2");
        Optional<UserView> leader = users.findByUsername("leader1");
        if (a.isEmpty() || b.isEmpty() || leader.isEmpty()) {
            return;
        }
        DemoActor.of(a.get()).run(() -> progress(a.get(), b.get(), leader.get()));
    }

    private void progress(UserView officerA, UserView officerB, UserView leader) {
        List<Long> ids = jdbc.sql("SELECT id FROM hazard WHERE demo ORDER BY found_on, id").query(Long.class).list();
        if (ids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
        long photo = evidence.store(new Upload(new ByteArrayInputStream(photo()), "整改后.jpg", EvidenceSource.PHONE, now,
                null, null), DemoActor.of(officerA), true).id();
        boolean supervised = false;
        List<Hazard> all = new ArrayList<>();
        hazards.findAllById(ids).forEach(all::add);
        all.sort(java.util.Comparator.comparing(Hazard::getFoundOn).thenComparing(Hazard::getId));
        int n = all.size();
        for (int i = 0; i < n; i++) {
            Hazard hazard = all.get(i);
            boolean old = hazard.getFoundOn().isBefore(today.minusDays(40));
            if (hazard.getLevel() == HazardLevel.MAJOR && !supervised) {
                hazard.supervise("企业主要负责人", "停用不合格设施，委托有资质单位整改并验收", new BigDecimal("120000"),
                        today.plusDays(20), "已修订专项应急预案并组织演练", leader.id(), now, today);
                if (hazard.getStatus() == HazardStatus.RECTIFYING && hazard.getDeadline() != null
                        && hazard.getDeadline().isBefore(today.plusDays(20))) {
                    hazard.requestExtension(today.plusDays(20), "整改设备采购周期较长", "企业", now);
                    hazard.decideExtension(true, leader.id(), now);
                }
                hazard.expose(true, today);
                supervised = true;
            } else if (old && i % 7 != 3) {
                close(hazard, photo, officerA, officerB, now, today);
            } else if (i % 7 == 3 && hazard.getStatus() == HazardStatus.RECTIFYING) {
                // left overdue: the sweep will publish HazardOverdue
            } else if (i == n - 1 && hazard.getStatus() == HazardStatus.RECTIFYING && hazard.getMeasure() == Measure.ORDER) {
                hazard.requestExtension(hazard.getDeadline().plusDays(10), "需停产检修，申请延期十天", "企业", now);
            } else if (i == n - 2 && hazard.getStatus() == HazardStatus.RECTIFYING) {
                hazard.reportRectification("已按要求完成整改，附整改后照片。", List.of(photo), "企业", now);
                hazard.reinspect(true, "经复查，整改到位。", null, List.of(), officerA.id(), now, today);
            } else if (i == n - 3 && hazard.getStatus() == HazardStatus.RECTIFYING) {
                hazard.reportRectification("已整改完毕。", List.of(photo), "企业", now);
            }
            hazards.save(hazard);
        }
        Hazard first = all.get(0);
        Hazard selfReported = Hazard.selfReported(new Hazard.Finding(first.getOrganizationId(), first.getEnterpriseId(),
                first.getEnterpriseName(), null, null, null, HazardSource.SELF_REPORT, HazardLevel.MAJOR, "GM-11-3",
                "除尘间", "企业自查发现：干式除尘系统未设置泄爆装置", "《工贸企业重大事故隐患判定标准》第十一条第（三）项", null, today),
                List.of(photo), now);
        hazards.save(selfReported);
        jdbc.sql("UPDATE hazard SET demo = TRUE WHERE id = :id").param("id", selfReported.getId()).update();
    }

    private static void close(Hazard hazard, long photo, UserView officerA, UserView officerB, Instant now, LocalDate today) {
        if (hazard.getStatus() == HazardStatus.RECTIFYING) {
            hazard.reportRectification("已按要求完成整改，附整改后照片。", List.of(photo), "企业", now);
        }
        if (hazard.getStatus() == HazardStatus.RECTIFICATION_REPORTED) {
            hazard.reinspect(true, "经复查，整改到位。", null, List.of(), officerA.id(), now, today);
        }
        if (hazard.getStatus() == HazardStatus.REINSPECTED) {
            hazard.close(officerB.id(), now, today);
        }
    }

    private static byte[] photo() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 90));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillRect(40, 60, 240, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM hazard WHERE demo").update();
        jdbc.sql("DELETE FROM evidence_custody WHERE evidence_id IN (SELECT id FROM evidence_file WHERE demo)").update();
        jdbc.sql("DELETE FROM evidence_file WHERE demo").update();
    }
}
