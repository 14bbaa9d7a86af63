package cn.zhifa;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person with a browser-like HTTP session against the real server (cookies, CSRF token from the
 * page), for what MockMvc cannot show: the container's error pages.
 */
public final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    private WebUser(int port) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build(), port);
    }

    private WebUser(HttpClient client, int port) {
        this.client = client;
        this.base = "http://localhost:" + port;
    }

    /** The same person (same cookies) talking to another node on this machine. */
    public WebUser at(int port) {
        return new WebUser(client, port);
    }

    /** A form post with these url-encoded fields. */
    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static WebUser loggedIn(int port, String username) throws IOException, InterruptedException {
        WebUser user = new WebUser(port);
        String page = user.get("/login").body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("login page has no CSRF token");
        }
        String form = "username=" + username + "&password=" + URLEncoder.encode(Tokens.DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = user.client.send(HttpRequest.newBuilder(URI.create(user.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (!login.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("login failed for " + username);
        }
        return user;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
