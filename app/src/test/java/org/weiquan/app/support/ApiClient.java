package org.weiquan.app.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A plain HTTP client for the API, speaking to the real server on its port. Each demo user logs in
 * with HTTP Basic; the client then keeps that user's session cookie and sends it along (as a
 * browser would), so the bcrypt check is paid once per user and not on every request.
 */
public final class ApiClient {
    public static final String OFFICER_LI = "officer.li";
    public static final String OFFICER_CHEN = "officer.chen";
    public static final String SUPERVISOR_WANG = "supervisor.wang";
    public static final String ANALYST_ZHAO = "analyst.zhao";
    public static final String ADMIN = "admin";
    public static final String SESSION_COOKIE = "WEIQUAN_SESSION";

    private static final Map<String, String> PASSWORDS = Map.of(
            OFFICER_LI, "officer-demo", OFFICER_CHEN, "officer-demo", SUPERVISOR_WANG, "supervisor-demo",
            ANALYST_ZHAO, "analyst-demo", ADMIN, "admin-demo");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    public ApiClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The demo password of a demo user. */
    public static String passwordOf(String user) {
        return PASSWORDS.get(user);
    }

    /** Requests as this demo user (Basic credentials, plus the session cookie once there is one). */
    public Call as(String user) {
        return new Call(user, PASSWORDS.get(user));
    }

    /** Requests with neither credentials nor cookie. */
    public Call anonymous() {
        return new Call(null, null);
    }

    /** The session cookie this client holds for {@code user}, or null before the first response. */
    public String sessionCookie(String user) {
        return sessions.get(user);
    }

    public final class Call {
        private final String user;
        private String password;
        private boolean basic = true;
        private boolean cookie = true;
        private String explicitCookie;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String user, String password) {
            this.user = user;
            this.password = password;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call ifMatch(long version) {
            return header("If-Match", "\"" + version + "\"");
        }

        public Call password(String password) {
            this.password = password;
            return this;
        }

        /** Do not send the Authorization header: only the session cookie, if any. */
        public Call withoutCredentials() {
            this.basic = false;
            return this;
        }

        /** Do not send the session cookie this client holds. */
        public Call withoutSession() {
            this.cookie = false;
            return this;
        }

        /** Send exactly this cookie (name=value), whoever the user is. */
        public Call cookie(String nameAndValue) {
            this.explicitCookie = nameAndValue;
            return this;
        }

        public ApiResponse get(String path) {
            return send("GET", path, BodyPublishers.noBody(), false);
        }

        public ApiResponse post(String path, Object body) {
            return postRaw(path, write(body));
        }

        public ApiResponse delete(String path) {
            return send("DELETE", path, BodyPublishers.noBody(), false);
        }

        public ApiResponse put(String path, Object body) {
            return send("PUT", path, BodyPublishers.ofString(write(body), StandardCharsets.UTF_8), true);
        }

        /** Puts the text as it is (for malformed bodies). */
        public ApiResponse putRaw(String path, String body) {
            return send("PUT", path, BodyPublishers.ofString(body, StandardCharsets.UTF_8), true);
        }

        /** Posts the text as it is (for malformed bodies): with Content-Length. */
        public ApiResponse postRaw(String path, String body) {
            return send("POST", path, BodyPublishers.ofString(body, StandardCharsets.UTF_8), true);
        }

        /** Posts the bytes with chunked transfer encoding: no Content-Length. */
        public ApiResponse postChunked(String path, Supplier<InputStream> body) {
            return send("POST", path, BodyPublishers.ofInputStream(body), true);
        }

        private ApiResponse send(String method, String path, BodyPublisher body, boolean json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body).header("Accept", "application/json, application/problem+json");
            if (json) request.header("Content-Type", "application/json");
            if (user != null && basic) {
                String token = user + ":" + Objects.requireNonNull(password, "no password for " + user);
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
            }
            if (explicitCookie != null) {
                request.header("Cookie", explicitCookie);
            } else if (user != null && cookie && sessions.containsKey(user)) {
                request.header("Cookie", sessions.get(user));
            }
            headers.forEach(request::setHeader);
            try {
                var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (user != null) {
                    response.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                            .map(c -> c.split(";", 2)[0])
                            .findFirst().ifPresent(c -> sessions.put(user, c));
                }
                return new ApiResponse(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String write(Object body) {
        if (body instanceof String text) return text;
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
