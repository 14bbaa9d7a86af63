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
import org.springframework.jdbc.core.simple.JdbcClient;
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
        printSizes();
    }

    /**
     * The database's size after generating, and the largest tables with their size divided by the scale: what the
     * profile at scale 1 needs on disk (the demo city's few megabytes included; document and evidence bytes are not
     * generated, they live in the object store).
     */
    private void printSizes() {
        double scale = Double.parseDouble(System.getProperty("zhifa.bench.scale", "1"));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long database = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        System.out.printf("[generator] database %,d MB, at scale 1 about %,.0f MB%n", database >> 20, (database >> 20) / scale);
        jdbc.sql("""
                        SELECT c.relname, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes,
                               pg_indexes_size(c.oid) AS index_bytes
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public'
                        ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 20""")
                .query((rs, n) -> String.format("[generator]   %-28s %,12d rows %,8d MB (indexes %,6d MB), at scale 1 about %,8.0f MB",
                        rs.getString("relname"), rs.getLong("rows"), rs.getLong("bytes") >> 20, rs.getLong("index_bytes") >> 20,
                        (rs.getLong("bytes") >> 20) / scale))
                .list().forEach(System.out::println);
    }
}
