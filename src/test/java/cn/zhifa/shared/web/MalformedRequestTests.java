package cn.zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests a fuzzer found answered with 500 (issue 14): a malformed form body on PUT/PATCH/DELETE (parsed by a
 * filter before any controller), multipart with an empty boundary, and a file name containing NUL. Each is a 400
 * with a Chinese message, over real HTTP (MockMvc skips the container's parsing), for anonymous and API callers.
 */
@ZhifaIntegrationTest
class MalformedRequestTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private String token() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"officer1\",\"password\":\"Zhifa@2026\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return "Bearer " + com.jayway.jsonpath.JsonPath.read(response.body(), "$.token");
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        return send(method, path, contentType, body, null);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertChinese400(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).containsPattern("[\\u4e00-\\u9fa5]").doesNotContain("Exception").doesNotContain("Tomcat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void a_malformed_form_body_on_any_url_is_a_chinese_400_even_anonymous(String method) throws Exception {
        for (String path : new String[] {"/api/v1/cases/1", "/login", "/no/such/page", "/api/v1/nothing-here"}) {
            assertChinese400(send(method, path, "application/x-www-form-urlencoded",
                    "a=%zz&b=%E4%B8&%=1".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void a_nul_in_a_query_parameter_is_a_chinese_400_even_on_public_searches() throws Exception {
        assertChinese400(send("GET", "/api/v1/public/penalties?q=%00", null, new byte[0]));
        assertChinese400(send("GET", "/api/v1/cases?q=a%00b", null, new byte[0], token()));
    }

    @Test
    void multipart_with_an_empty_boundary_is_a_chinese_400() throws Exception {
        String token = token();
        byte[] body = "--\r\n\r\n--".getBytes();
        assertChinese400(send("POST", "/api/v1/evidence", "multipart/form-data; boundary=", body, token));
        assertChinese400(send("POST", "/api/v1/evidence", "multipart/form-data", body, token));
        assertChinese400(send("POST", "/api/v1/cases", "multipart/form-data; boundary=", body, token));
        assertChinese400(send("POST", "/registry/import", "multipart/form-data; boundary=", body));
        assertChinese400(send("POST", "/verify/ABC", "multipart/form-data; boundary=", body));
    }

    @Test
    void a_file_name_containing_nul_is_a_chinese_400_and_nothing_is_stored() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM evidence_file").query(Long.class).single();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0});
        body.write("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send("POST", "/api/v1/evidence", "multipart/form-data; boundary=XyZ", body.toByteArray(),
                token());
        assertChinese400(response);
        assertThat(response.body()).contains("文件名");
        assertChinese400(send("POST", "/hazard-report/nosuchtoken", "multipart/form-data; boundary=XyZ", body.toByteArray()));
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_file").query(Long.class).single()).isEqualTo(before);
    }

    /** Sends only the head of a request that declares {@code length} bytes and reads the answer. */
    private String declare(String path, long length) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " + length + "\r\n"
                    + "Connection: close\r\n\r\n--XyZ\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("\"status\"") || answer.toString(StandardCharsets.UTF_8).contains("</html>")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException stopped) {
                // the server answered and closed, or keeps waiting for the body it will not read
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void each_upload_endpoint_has_its_own_limit_checked_before_the_body_is_read() throws Exception {
        String excel = declare("/registry/import", 60L * 1024 * 1024);
        assertThat(excel).startsWith("HTTP/1.1 413").contains("企业导入文件超过上限 51 MB");
        String verify = declare("/verify/ABC", 30L * 1024 * 1024);
        assertThat(verify).startsWith("HTTP/1.1 413").contains("超过上限 20 MB");
        String signature = declare("/inspection/records/1/signatures/officer", 6L * 1024 * 1024);
        assertThat(signature).startsWith("HTTP/1.1 413").contains("超过上限 5 MB");
        String video = declare("/api/v1/evidence", 1200L * 1024 * 1024);
        assertThat(video).startsWith("HTTP/1.1 413").contains("超过上限 1.1 GB");
        assertThat(declare("/api/v1/evidence", 900L * 1024 * 1024)).as("within the evidence limit: on to authentication")
                .startsWith("HTTP/1.1 401");
    }
}
