package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.law.Uscc;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, fault tests: the application runs as a separate process ({@code java -cp} of target/classes and the
 * dependencies) on its own data and key directories. Concurrent writers register enterprises through the API, each
 * with an {@code Idempotency-Key}, and record every acknowledged (201) write. Mid-run the application is killed with
 * SIGKILL, restarted, and every acknowledged write must be in the database exactly once; writes that were in flight
 * (no answer) are retried with their key after the restart and must then be there exactly once too. Then the embedded
 * PostgreSQL itself (the pid in postmaster.pid) is killed with SIGKILL, the application restarted, the same check;
 * finally the audit chain verifies. Tagged {@code fault}, skipped by default:
 * <pre>./mvnw -o test -Dtest=CrashRecoveryTests -Dsurefire.excludedGroups=none [-Dzhifa.fault.writers=4 -Dzhifa.fault.seconds=20]</pre>
 */
@Tag("fault")
class CrashRecoveryTests {

    private static final int WRITERS = Integer.getInteger("zhifa.fault.writers", 4);
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("zhifa.fault.seconds", 20));
    private static final String PASSWORD = "Zhifa@2026";

    @TempDir
    Path work;

    private Process app;
    private int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger serial = new AtomicInteger();

    private record Write(String key, String uscc, String body) {
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
        stopOrphanedPostgres();
    }

    @Test
    void no_acknowledged_write_is_lost_when_the_application_or_its_database_is_killed() throws Exception {
        Instant began = Instant.now();
        start();
        Map<String, Long> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        List<Write> inDoubt = new ArrayList<>();

        // 1. kill -9 the application during the writes
        inDoubt.addAll(writeWhile(acknowledged, () -> app.destroyForcibly()));
        app.waitFor(60, TimeUnit.SECONDS);
        int afterApplicationKill = acknowledged.size();
        start();
        retry(inDoubt, acknowledged);
        assertExactlyOnce(acknowledged);

        // 2. kill -9 the embedded PostgreSQL during the writes, then restart the application
        inDoubt.clear();
        inDoubt.addAll(writeWhile(acknowledged, this::killPostgres));
        app.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        start();
        retry(inDoubt, acknowledged);
        assertExactlyOnce(acknowledged);

        // 3. the audit chain is intact after both crashes
        String verify = send(HttpRequest.newBuilder(uri("/api/v1/audit/verify"))
                .header("Authorization", "Bearer " + token("auditor")).GET().build()).body();
        assertThat((Boolean) JsonPath.read(verify, "$.intact")).as(verify).isTrue();

        System.out.printf("FAULT RESULT: writers=%d, acknowledged=%d (%d before the application kill), lost=0, duplicates=0, "
                        + "restarts=2 (kill -9 application, kill -9 postgres), duration=%ds%n",
                WRITERS, acknowledged.size(), afterApplicationKill, Duration.between(began, Instant.now()).toSeconds());
        assertThat(afterApplicationKill).isPositive();
        assertThat(acknowledged.size()).isGreaterThan(afterApplicationKill);
    }

    /** Writers run for PHASE, then {@code kill} runs while they keep writing; returns the writes that got no answer. */
    private List<Write> writeWhile(Map<String, Long> acknowledged, ThrowingRunnable kill) throws Exception {
        String token = token("officer1");
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Write> doubtful = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    Write write = newWrite();
                    try {
                        HttpResponse<String> response = post(write, token);
                        if (response.statusCode() == 201) {
                            acknowledged.put(write.uscc(), ((Number) JsonPath.read(response.body(), "$.id")).longValue());
                        } else {
                            doubtful.add(write); // refused or failed (database gone): not acknowledged
                        }
                    } catch (IOException | RuntimeException noAnswer) {
                        doubtful.add(write);
                        Thread.sleep(200);
                    }
                }
                return null;
            });
        }
        Thread.sleep(PHASE.toMillis());
        kill.run();
        Thread.sleep(2_000);
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        return new ArrayList<>(doubtful);
    }

    /** Writes without an answer: sent again with the same key; whatever the outcome, the firm exists exactly once. */
    private void retry(List<Write> inDoubt, Map<String, Long> acknowledged) throws Exception {
        String token = token("officer1");
        for (Write write : inDoubt) {
            HttpResponse<String> response = post(write, token);
            assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
            if (response.statusCode() == 201) {
                acknowledged.put(write.uscc(), ((Number) JsonPath.read(response.body(), "$.id")).longValue());
            }
        }
    }

    private void assertExactlyOnce(Map<String, Long> acknowledged) throws Exception {
        Map<String, List<Long>> found = new HashMap<>();
        try (Connection owner = ownerConnection();
             PreparedStatement query = owner.prepareStatement("SELECT uscc, id FROM enterprise WHERE uscc = ANY (?)")) {
            Array usccs = owner.createArrayOf("varchar", acknowledged.keySet().toArray());
            query.setArray(1, usccs);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        Set<String> lost = acknowledged.keySet().stream().filter(u -> !found.containsKey(u)).collect(Collectors.toSet());
        Set<String> twice = found.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(lost).as("acknowledged but lost").isEmpty();
        assertThat(twice).as("stored more than once").isEmpty();
        acknowledged.forEach((uscc, id) -> assertThat(found.get(uscc)).containsExactly(id));
    }

    private Write newWrite() {
        int n = serial.incrementAndGet();
        String body17 = "91350100" + String.format("%09d", 700_000_000 + n);
        String uscc = null;
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (Uscc.parse(body17 + c).reason().isEmpty()) {
                uscc = body17 + c;
                break;
            }
        }
        String json = """
                {"name":"故障测试企业%d有限公司","uscc":"%s","legalRepresentative":"张三","townCode":"139902001",
                 "industry":"C33","employees":5,"status":"OPERATING","level":"DISTRICT","riskFeatures":[]}""".formatted(n, uscc);
        return new Write(UUID.randomUUID().toString(), uscc, json);
    }

    private HttpResponse<String> post(Write write, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/enterprises")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", write.key())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String token(String user) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.token");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", classpath(), "cn.zhifa.ZhifaApplication",
                "--server.port=" + port, "--zhifa.data-dir=" + work.resolve("data"), "--zhifa.crypto.key-dir=" + work.resolve("keys"),
                "--zhifa.embedded-db.ephemeral=false", "--zhifa.demo.enabled=true", "--spring.main.banner-mode=off",
                "--zhifa.security.throttle.max-failures=1000");
        app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the application exited; see " + work.resolve("app.log")).isTrue();
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the application did not start within 10 minutes");
    }

    /** target/classes and the dependencies (surefire's manifest-only jar is expanded); not the test classes. */
    private static String classpath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifest != null) {
                        for (String url : manifest.split(" ")) {
                            if (!url.isBlank()) {
                                entries.add(Path.of(URI.create(url)).toString());
                            }
                        }
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries.stream().filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .filter(e -> !e.contains("surefire")).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private List<String> postmaster() throws IOException {
        return Files.readAllLines(work.resolve("data/pg/postmaster.pid"));
    }

    private void killPostgres() throws IOException {
        long pid = Long.parseLong(postmaster().get(0).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        System.out.println("FAULT: killed postgres pid " + pid);
    }

    private Connection ownerConnection() throws Exception {
        int pgPort = Integer.parseInt(postmaster().get(3).strip());
        String password = Files.readString(work.resolve("data").resolve(DatabaseSecrets.DIRECTORY).resolve(DatabaseSecrets.OWNER_FILE)).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", password);
    }

    private void stopOrphanedPostgres() {
        try {
            Path pid = work.resolve("data/pg/postmaster.pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).ifPresent(ProcessHandle::destroy);
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing left to stop
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
