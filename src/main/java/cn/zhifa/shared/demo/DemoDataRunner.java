package cn.zhifa.shared.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city at start-up when demo mode is on (default: on with the embedded database,
 * off with an external one; {@code ZHIFA_DEMO_ENABLED} decides explicitly). With
 * {@code zhifa.demo.purge=true} it removes the demo data instead.
 */
@Component
@Order(0)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final List<DemoDataLoader> loaders;
    private final boolean enabled;
    private final boolean purge;

    DemoDataRunner(List<DemoDataLoader> loaders,
                   ObjectProvider<EmbeddedPostgres> embedded,
                   @Value("${zhifa.demo.enabled:}") String enabled,
                   @Value("${zhifa.demo.purge:false}") boolean purge) {
        this.loaders = loaders.stream().sorted(Comparator.comparingInt(DemoDataLoader::order)).toList();
        this.enabled = enabled.isBlank() ? embedded.getIfAvailable() != null : Boolean.parseBoolean(enabled);
        this.purge = purge;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (purge) {
            loaders.stream().sorted(Comparator.comparingInt(DemoDataLoader::order).reversed()).forEach(DemoDataLoader::purge);
            log.info("演示数据已删除 (demo data removed)");
            return;
        }
        if (!enabled) {
            return;
        }
        loaders.forEach(DemoDataLoader::load);
        StringBuilder banner = new StringBuilder("\n===== 演示模式 (demo mode) =====\n");
        banner.append("演示账号，密码均为 Zhifa@2026 :\n");
        banner.append("  admin        系统管理员\n");
        banner.append("  secadmin     安全管理员\n");
        banner.append("  auditor      安全审计员\n");
        banner.append("  leader1      审批领导\n");
        banner.append("  legal1       法制审核\n");
        banner.append("  officer1     执法人员\n");
        banner.append("  officer2     执法人员\n");
        banner.append("  supervisor1  执法监督\n");
        banner.append("删除演示数据: ./mvnw spring-boot:run -Dspring-boot.run.arguments=--zhifa.demo.purge=true\n");
        log.info(banner.toString());
    }
}
