package cn.zhifa.bench;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.shared.crypto.FieldCipher;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one command that generates a profile (not a test): writes {@code -Dzhifa.generate=district|province|seed000} at
 * {@code -Dzhifa.bench.scale} (default 1) with {@code -Dzhifa.bench.seed} (default 18) into the database of the test
 * context (the embedded one, or the PostgreSQL that SPRING_DATASOURCE_URL names), then rebuilds reporting's read
 * models of every generated year:
 * <pre>./mvnw -o test -Dtest=GenerateProfile -Dzhifa.generate=district -Dzhifa.bench.scale=1</pre>
 * The generated accounts (g&lt;root id&gt;leader, g&lt;root id&gt;o1 …) log in with the demo password.
 */
@ZhifaIntegrationTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "zhifa.generate", matches = "district|province|seed000")
class GenerateProfile {

    @Autowired
    DataSource dataSource;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;
    @Autowired
    ReportingManagement reporting;

    @Test
    void generate() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Profile profile = Profile.of(System.getProperty("zhifa.generate"),
                Double.parseDouble(System.getProperty("zhifa.bench.scale", "1")), today);
        ProfileGenerator.Result result = new ProfileGenerator(dataSource, cipher, encoder.encode(Tokens.DEMO_PASSWORD), today,
                Long.getLong("zhifa.bench.seed", 18)).generate(profile);
        for (Profile.Year year : profile.years()) {
            long t0 = System.nanoTime();
            reporting.rebuild(year.year());
            System.out.printf("[generator] reporting read models of %d rebuilt in %.1f s%n", year.year(), (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("[generator] done: %s, leader account %s%n", result.rootName(), result.leaderUsername());
    }
}
