package org.weiquan.app.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: signs in through the sign-in form, keeps its session cookie, sends
 * forms with the CSRF token of the page it read last and follows no redirect by itself.
 */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    public record Page(int status, String body, String location) {
        /** The value of the hidden input {@code name} of the page's (first) form that has it. */
        public String hidden(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) throw new AssertionError("no hidden input " + name + " in\n" + body);
            return m.group(1);
        }
    }

    public PageClient(int port) {
        this.port = port;
    }

    /** Signs in as the demo user {@code user}. */
    public PageClient signIn(String user) {
        get("/login");
        Page signedIn = post("/login", Map.of("username", user, "password", ApiClient.passwordOf(user)));
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new AssertionError("sign-in of " + user + " failed: " + signedIn);
        }
        return this;
    }

    public Page get(String path) {
        return remember(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    /** A download's bytes (a workbook, a file), with the session. */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) throw new AssertionError(path + " answered " + response.statusCode());
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Posts {@code form} with the CSRF token of the page read last. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) fields.putIfAbsent("_csrf", csrf);
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept-Language", "zh-CN").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Page remember(Page page) {
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) csrf = m.group(1);
        return page;
    }
}
