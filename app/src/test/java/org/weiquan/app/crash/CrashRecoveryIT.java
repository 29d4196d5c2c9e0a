package org.weiquan.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.TestStores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;

/**
 * The promise "an answered command is stored", tested as an operator breaks it: the packaged app
 * runs as a process of its own; several clients file and advance cases (every request with an
 * Idempotency-Key, every transition with If-Match); the process is killed with SIGKILL in the
 * middle of the traffic, several times, and started again on the same data; each client retries
 * the request that got no answer, with the same key. At the end every answered create and
 * transition is in the event log exactly once, no case number belongs to two cases, every read
 * model agrees with the log and every processor has caught up. Runs on the embedded H2 store, or
 * on PostgreSQL with {@code -Dweiquan.test.postgres=…}; {@code mvn verify -Pcrash} runs it.
 */
class CrashRecoveryIT {
    private static final int CLIENTS = 6;
    private static final int KILLS = 3;
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Path JAR = Path.of(System.getProperty("weiquan.crash.jar", "target/weiquan.jar"));

    /** The two paths a dispute takes: every deadline of the kind is scheduled, replaced and cancelled. */
    private static final List<List<String>> PATHS = List.of(
            List.of("acceptance", "mediator", "mediation-sessions", "mediation-sessions", "settlement", "payments",
                    "closure:RESOLVED"),
            List.of("acceptance", "mediation-failure", "arbitration-referral", "arbitration-acceptance",
                    "arbitration-extension", "arbitration-award", "closure:RESOLVED"),
            List.of("acceptance", "mediator", "mediation-sessions"));

    /** What the clients were told: every acknowledged create and transition. */
    private static final class Ledger {
        final Map<String, String> numberOfCase = new ConcurrentHashMap<>();
        final Map<String, String> caseOfNumber = new ConcurrentHashMap<>();
        final Map<String, String> caseOfKey = new ConcurrentHashMap<>();
        /** case id → the versions its transitions were answered with, in order */
        final Map<String, List<Long>> versions = new ConcurrentHashMap<>();
        final Map<String, Boolean> closed = new ConcurrentHashMap<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger numberAnsweredTwice = new AtomicInteger();
        final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    private final Ledger ledger = new Ledger();
    private final AtomicBoolean up = new AtomicBoolean();
    private final AtomicBoolean trafficOn = new AtomicBoolean(true);
    private final List<Long> restartMillis = new ArrayList<>();
    private Path logs;
    private Process app;

    @AfterEach
    void noAppLeftRunning() {
        if (app != null && app.isAlive()) app.destroyForcibly();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void no_answered_command_is_lost_or_doubled_when_the_app_is_killed_mid_traffic() throws Exception {
        assertThat(JAR).as("the packaged app (mvn package)").exists();
        Map<String, String> store = TestStores.fresh("crash");
        logs = Files.createDirectories(Path.of("target", "crash-logs"));
        int port = freePort();
        ApiClient api = new ApiClient(port);

        app = start(store, port, 0);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> drive(api, client)));
        }
        Random random = new Random(42);
        for (int kill = 1; kill <= KILLS; kill++) {
            // mid-traffic: once the clients have been answered another 40 to 80 times
            awaitAcknowledged(ledger.acknowledged.get() + 40 + random.nextInt(41));
            up.set(false);
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no goodbye
            app.waitFor(30, TimeUnit.SECONDS);
            app = start(store, port, kill);
        }
        awaitAcknowledged(ledger.acknowledged.get() + 40);
        trafficOn.set(false);
        for (Future<?> client : running) client.get(5, TimeUnit.MINUTES);
        clients.shutdown();

        ReadSide readSide = readSide(api);
        app.destroy(); // a clean stop, so that the embedded database can be opened here
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> log = eventLog(store);

        Report report = compare(readSide, log);
        String summary = report.summary(TestStores.onPostgres() ? "PostgreSQL" : "H2", restartMillis);
        Files.writeString(Path.of("target", "crash-report-" + (TestStores.onPostgres() ? "postgres" : "h2") + ".txt"),
                summary + System.lineSeparator(), StandardCharsets.UTF_8);
        System.out.println(summary);

        assertThat(ledger.acknowledged.get()).as("traffic happened").isGreaterThan(200);
        assertThat(ledger.unanswered.get()).as("the kills hit requests in flight").isGreaterThan(0);
        assertThat(ledger.serverErrors.get()).as("5xx answers").isZero();
        assertThat(ledger.refusals).as("correct requests refused").isEmpty();
        assertThat(ledger.numberAnsweredTwice.get()).as("case numbers answered for two cases").isZero();
        assertThat(report.lost).as("acknowledged but not in the log").isEmpty();
        assertThat(report.doubled).as("in the log more often than acknowledged").isEmpty();
        assertThat(report.unacknowledgedCases).as("cases in the log no client was told of").isEmpty();
        assertThat(report.readModelMismatches).as("read models that disagree with the log").isEmpty();
    }

    // --- traffic ---

    /** One client: up to three cases of its own at a time, each advanced along its path. */
    private void drive(ApiClient api, int client) {
        Random random = new Random(client);
        List<Case> open = new ArrayList<>();
        int filed = 0;
        while (trafficOn.get() || !open.isEmpty()) {
            if (trafficOn.get() && open.size() < 3) {
                String key = "c" + client + "-file-" + filed++;
                Object filing = Disputes.filing(); // built once: a retry sends the very same request
                ApiResponse answer = untilAnswered(() -> api.as(OFFICER_LI).header("Idempotency-Key", key)
                        .post(Disputes.PATH, filing));
                if (answer.status() != 201) {
                    ledger.refusals.add("file " + answer);
                    continue;
                }
                String id = answer.json().path("disputeId").asText();
                String number = answer.json().path("caseNumber").asText();
                String earlier = ledger.caseOfNumber.putIfAbsent(number, id);
                if (earlier != null && !earlier.equals(id)) ledger.numberAnsweredTwice.incrementAndGet();
                String keyed = ledger.caseOfKey.putIfAbsent(key, id);
                assertThat(keyed == null || keyed.equals(id)).as("key %s answered two cases", key).isTrue();
                ledger.numberOfCase.put(id, number);
                ledger.versions.put(id, new ArrayList<>());
                ledger.closed.put(id, false);
                ledger.acknowledged.incrementAndGet();
                open.add(new Case(id, PATHS.get(random.nextInt(PATHS.size()))));
                continue;
            }
            Case next = open.get(random.nextInt(open.size()));
            String step = next.path.get(next.done);
            String key = next.id + "-" + next.done;
            Object body = body(step);
            long ifMatch = next.version;
            ApiResponse answer = untilAnswered(() -> api.as(OFFICER_LI).header("Idempotency-Key", key)
                    .ifMatch(ifMatch).post(Disputes.path(next.id, transition(step)), body));
            if (answer.status() != 200) {
                ledger.refusals.add(step + " " + answer);
                open.remove(next);
                continue;
            }
            next.version = answer.etagVersion();
            ledger.versions.get(next.id).add(next.version);
            ledger.acknowledged.incrementAndGet();
            if (step.startsWith("closure")) ledger.closed.put(next.id, true);
            if (++next.done == next.path.size()) open.remove(next);
        }
    }

    private static final class Case {
        final String id;
        final List<String> path;
        int done;
        long version;

        Case(String id, List<String> path) {
            this.id = id;
            this.path = path;
        }
    }

    /** Sends the request until it is answered: a request without an answer is sent again, unchanged. */
    private ApiResponse untilAnswered(java.util.function.Supplier<ApiResponse> request) {
        while (true) {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(50)).untilTrue(up);
            try {
                ApiResponse answer = request.get();
                if (answer.status() < 500) return answer;
                ledger.serverErrors.incrementAndGet();
                ledger.refusals.add("5xx " + answer);
            } catch (UncheckedIOException noAnswer) {
                ledger.unanswered.incrementAndGet();
            }
            // the app is going down or coming up: try again once it answers
            await().pollDelay(Duration.ofMillis(50)).atMost(STARTUP).untilTrue(up);
        }
    }

    private void awaitAcknowledged(int count) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> ledger.acknowledged.get() >= count);
    }

    private static String transition(String step) {
        return step.split(":")[0];
    }

    private static Object body(String step) {
        return switch (transition(step)) {
            case "acceptance" -> Disputes.acceptance();
            case "mediator" -> Disputes.mediator("mediator.sun");
            case "mediation-sessions" -> Disputes.session(5, "调解记录");
            case "settlement" -> Disputes.settlement("12000.00");
            case "payments" -> Disputes.payment("12000.00");
            case "mediation-failure" -> Disputes.mediationFailure();
            case "arbitration-referral" -> Disputes.arbitrationReferral();
            case "arbitration-acceptance" -> Disputes.arbitrationAcceptance();
            case "arbitration-extension" -> Disputes.arbitrationExtension(10);
            case "arbitration-award" -> Disputes.arbitrationAward("8000.00");
            case "closure" -> Disputes.closure(step.split(":")[1]);
            default -> throw new IllegalArgumentException(step);
        };
    }

    // --- the app as a process ---

    private Process start(Map<String, String> store, int port, int run) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(TestStores.arguments(store, "--server.port=" + port)));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("run-" + run + ".log").toFile())
                .start();
        ApiClient probe = new ApiClient(port);
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) throw new AssertionError("the app exited; see " + logs.resolve("run-" + run + ".log"));
            return probe.anonymous().get("/actuator/health").status() == 200;
        });
        restartMillis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        up.set(true);
        return process;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- what the read side and the log say ---

    private record ReadSide(Map<String, Long> detailVersions, Map<String, Integer> historySizes,
                            Map<String, String> listStatuses, long listTotal, JsonNode monitoring) {
    }

    private ReadSide readSide(ApiClient api) {
        // processors resume: every one reaches the head of the log
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode processors = api.as(ADMIN).get("/api/admin/processors").json();
            assertThat(processors.size()).isGreaterThan(0);
            processors.forEach(p -> assertThat(p.path("lag").asLong(-1)).as("lag of %s", p.path("name")).isZero());
        });
        Map<String, Long> detailVersions = new HashMap<>();
        Map<String, Integer> historySizes = new HashMap<>();
        for (String id : ledger.numberOfCase.keySet()) {
            ApiResponse detail = api.as(SUPERVISOR_WANG).get(Disputes.path(id));
            detailVersions.put(id, detail.status() == 200 ? detail.json().path("version").asLong() : -1);
            ApiResponse history = api.as(SUPERVISOR_WANG).get(Disputes.path(id) + "/history");
            historySizes.put(id, history.status() == 200 ? history.json().size() : -1);
        }
        Map<String, String> statuses = new HashMap<>();
        long total = 0;
        for (int page = 0; ; page++) {
            JsonNode list = api.as(SUPERVISOR_WANG).get(Disputes.PATH + "?size=200&page=" + page).json();
            total = list.path("totalItems").asLong();
            list.path("items").forEach(item -> statuses.put(item.path("disputeId").asText(), item.path("status").asText()));
            if (list.path("items").size() < 200) break;
        }
        JsonNode monitoring = api.as(SUPERVISOR_WANG).get("/api/monitoring/summary").json();
        return new ReadSide(detailVersions, historySizes, statuses, total, monitoring);
    }

    /** Events per case, read from the store itself once the app has stopped. */
    private static Map<String, Long> eventLog(Map<String, String> store) throws SQLException {
        String url = store.getOrDefault("spring.datasource.url",
                "jdbc:h2:file:" + Path.of(store.get("weiquan.data-dir")).toAbsolutePath() + "/weiquan");
        String user = store.getOrDefault("spring.datasource.username", "weiquan");
        String password = store.getOrDefault("spring.datasource.password", "");
        Map<String, Long> events = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregateIdentifier, COUNT(*), MAX(sequenceNumber)"
                     + " FROM DomainEventEntry GROUP BY aggregateIdentifier")) {
            while (rows.next()) {
                assertThat(rows.getLong(3)).as("no gap in the events of %s", rows.getString(1))
                        .isEqualTo(rows.getLong(2) - 1);
                events.put(rows.getString(1), rows.getLong(2));
            }
        }
        return events;
    }

    private final class Report {
        final List<String> lost = new ArrayList<>();
        final List<String> doubled = new ArrayList<>();
        final List<String> unacknowledgedCases = new ArrayList<>();
        final List<String> readModelMismatches = new ArrayList<>();

        String summary(String storeName, List<Long> restarts) {
            return String.format("crash test on %s: %d kills, %d acknowledged (%d cases), %d requests without an"
                            + " answer retried, lost %d, duplicated %d, read-model mismatches %d, 5xx %d,"
                            + " refused %d, restart to first answer %s ms",
                    storeName, KILLS, ledger.acknowledged.get(), ledger.numberOfCase.size(), ledger.unanswered.get(),
                    lost.size(), doubled.size(), readModelMismatches.size(), ledger.serverErrors.get(),
                    ledger.refusals.size(), restarts);
        }
    }

    private Report compare(ReadSide readSide, Map<String, Long> log) {
        Report report = new Report();
        long open = 0;
        long closed = 0;
        for (Map.Entry<String, String> entry : ledger.numberOfCase.entrySet()) {
            String id = entry.getKey();
            List<Long> versions = ledger.versions.get(id);
            long acknowledgedEvents = 1 + versions.size();
            long stored = log.getOrDefault(id, 0L);
            if (stored < acknowledgedEvents) report.lost.add(id + ": " + stored + " of " + acknowledgedEvents);
            if (stored > acknowledgedEvents) report.doubled.add(id + ": " + stored + " for " + acknowledgedEvents);
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i) != i + 1) report.doubled.add(id + ": transition " + i + " answered " + versions.get(i));
            }
            if (readSide.detailVersions.get(id) != stored - 1) {
                report.readModelMismatches.add(id + ": detail at " + readSide.detailVersions.get(id) + ", log " + stored);
            }
            if (readSide.historySizes.get(id) != stored) {
                report.readModelMismatches.add(id + ": history of " + readSide.historySizes.get(id) + ", log " + stored);
            }
            boolean isClosed = ledger.closed.get(id);
            if (isClosed != "CLOSED".equals(readSide.listStatuses.get(id))) {
                report.readModelMismatches.add(id + ": listed " + readSide.listStatuses.get(id));
            }
            if (isClosed) closed++;
            else open++;
        }
        log.keySet().stream().filter(id -> !ledger.numberOfCase.containsKey(id))
                .forEach(id -> report.unacknowledgedCases.add(id));
        if (readSide.listTotal != ledger.numberOfCase.size()) {
            report.readModelMismatches.add("list has " + readSide.listTotal + " of " + ledger.numberOfCase.size());
        }
        JsonNode counts = readSide.monitoring.path("byKind").path("LABOUR_DISPUTE");
        if (counts.path("open").asLong() != open || counts.path("closed").asLong() != closed) {
            report.readModelMismatches.add("monitoring " + counts + ", expected open " + open + " closed " + closed);
        }
        return report;
    }
}
