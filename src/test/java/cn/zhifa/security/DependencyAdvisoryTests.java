package cn.zhifa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 14, offline dependency check: no jar on the classpath (Maven-resolved runtime and test dependencies) has a
 * version inside a range of {@code security/advisories.yml}, unless the entry records why it is accepted. Works without
 * internet; the online check with a full vulnerability feed is {@code ./mvnw org.owasp:dependency-check-maven:check}.
 */
class DependencyAdvisoryTests {

    /** {@code .../<group path>/<artifact>/<version>/<artifact>-<version>[-classifier].jar} in a Maven repository. */
    private static final Pattern MAVEN_JAR = Pattern.compile(".*/([^/]+)/([^/]+)/\\1-\\2[^/]*\\.jar");

    record Jar(String path, String artifactId, String version) {
        boolean is(String groupId, String artifact) {
            return artifactId.equals(artifact) && path.contains("/" + groupId.replace('.', '/') + "/" + artifact + "/" + version + "/");
        }
    }

    record Range(String introduced, String fixed) {
        boolean contains(String version) {
            return (introduced == null || compare(version, introduced) >= 0) && compare(version, fixed) < 0;
        }
    }

    record Advisory(String id, String groupId, String artifactId, List<Range> ranges, String accepted) {
    }

    @Test
    void no_jar_on_the_classpath_has_a_listed_vulnerable_version() throws IOException {
        List<Jar> jars = classpathJars();
        assertThat(jars).as("the scan sees the resolved dependency set").hasSizeGreaterThan(50)
                .anySatisfy(jar -> assertThat(jar.is("org.bouncycastle", "bcprov-jdk18on")).isTrue())
                .anySatisfy(jar -> assertThat(jar.is("org.postgresql", "postgresql")).isTrue());

        List<String> found = vulnerable(advisories(), jars);

        assertThat(found).as("dependencies with a published advisory (upgrade them, or record why it is accepted)").isEmpty();
    }

    @Test
    void a_listed_version_is_reported_and_an_accepted_one_is_not() throws IOException {
        List<Advisory> advisories = advisories();
        List<Jar> old = List.of(jar("org/bouncycastle/bcprov-jdk18on/1.77/bcprov-jdk18on-1.77.jar"),
                jar("org/postgresql/postgresql/42.7.1/postgresql-42.7.1.jar"),
                jar("org/postgresql/postgresql/42.6.1/postgresql-42.6.1.jar"),
                jar("ch/qos/logback/logback-core/1.5.12/logback-core-1.5.12.jar"),
                jar("org/apache/commons/commons-lang3/3.18.0/commons-lang3-3.18.0.jar"));

        assertThat(vulnerable(advisories, old)).containsExactlyInAnyOrder(
                "org.bouncycastle:bcprov-jdk18on:1.77 (CVE-2024-29857, CVE-2024-30171, CVE-2024-30172)",
                "org.postgresql:postgresql:42.7.1 (CVE-2024-1597)",
                "ch.qos.logback:logback-core:1.5.12 (CVE-2024-12798, CVE-2024-12801)",
                "ch.qos.logback:logback-core:1.5.12 (CVE-2026-9828, CVE-2026-10532)");
        Advisory bc = advisories.stream().filter(a -> a.artifactId().equals("bcprov-jdk18on")).findFirst().orElseThrow();
        Advisory accepted = new Advisory(bc.id(), bc.groupId(), bc.artifactId(), bc.ranges(), "not reachable here");
        assertThat(vulnerable(List.of(accepted), old)).isEmpty();
    }

    @Test
    void versions_compare_by_number_and_a_pre_release_comes_before_its_release() {
        assertThat(compare("1.5.9", "1.5.13")).isNegative();
        assertThat(compare("42.7.14", "42.7.2")).isPositive();
        assertThat(compare("3.18", "3.18.0")).isZero();
        assertThat(compare("2.0.0-M4", "2.0.0")).isNegative();
        assertThat(compare("1.78.1", "1.78")).isPositive();
    }

    static List<String> vulnerable(List<Advisory> advisories, List<Jar> jars) {
        List<String> found = new ArrayList<>();
        for (Advisory advisory : advisories) {
            if (advisory.accepted() != null) {
                continue;
            }
            for (Jar jar : jars) {
                if (jar.is(advisory.groupId(), advisory.artifactId())
                        && advisory.ranges().stream().anyMatch(r -> r.contains(jar.version()))) {
                    found.add(advisory.groupId() + ":" + jar.artifactId() + ":" + jar.version() + " (" + advisory.id() + ")");
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    static List<Advisory> advisories() throws IOException {
        try (InputStream in = DependencyAdvisoryTests.class.getResourceAsStream("/security/advisories.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            List<Advisory> advisories = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) root.get("advisories")) {
                String[] coordinates = ((String) entry.get("package")).split(":");
                List<Range> ranges = ((List<Map<String, Object>>) entry.get("ranges")).stream()
                        .map(r -> new Range(text(r.get("introduced")), text(r.get("fixed")))).toList();
                assertThat(ranges).as(entry.get("id") + " ranges").isNotEmpty().allSatisfy(r -> assertThat(r.fixed()).isNotNull());
                advisories.add(new Advisory((String) entry.get("id"), coordinates[0], coordinates[1], ranges,
                        (String) entry.get("accepted")));
            }
            return advisories;
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<Jar> classpathJars() throws IOException {
        Set<String> paths = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            paths.add(entry.replace(File.separatorChar, '/'));
        }
        for (URL manifest : Collections.list(DependencyAdvisoryTests.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            String url = manifest.toString();
            if (url.startsWith("jar:file:") && url.contains("!/")) {
                paths.add(url.substring("jar:file:".length(), url.indexOf("!/")));
            }
        }
        return paths.stream().map(DependencyAdvisoryTests::jar).filter(j -> j != null).toList();
    }

    private static Jar jar(String path) {
        Matcher m = MAVEN_JAR.matcher(path.startsWith("/") ? path : "/" + path);
        return m.matches() ? new Jar(path.startsWith("/") ? path : "/" + path, m.group(1), m.group(2)) : null;
    }

    /** Maven-like order: numeric parts by value, missing parts are 0, a qualifier (M4, RC1) sorts before the release. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]"), y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0", q = i < y.length ? y[i] : "0";
            boolean pn = p.matches("\\d+"), qn = q.matches("\\d+");
            int c = pn && qn ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : pn ? 1 : qn ? -1 : p.compareToIgnoreCase(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
