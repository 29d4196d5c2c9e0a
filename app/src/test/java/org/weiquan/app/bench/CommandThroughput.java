package org.weiquan.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weiquan.app.support.Disputes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load driver, not a test: commands per second through the whole application over HTTP, against
 * a running instance (embedded H2 or the PostgreSQL profile). Each client logs in once (session
 * cookie, ADR 6), then repeats: file a dispute, accept it (If-Match 0), assign a mediator (If-Match
 * 1) — three commands, each an HTTP request answered after its events are stored. Workers differ
 * between filings; fifty filings share an employer.
 * <p>
 * Arguments: base URL (default http://localhost:8080), clients (default 8), disputes per client
 * (default 100). See docs/benchmarks.md.
 */
public final class CommandThroughput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        run(base, clients, Math.max(1, perClient / 10)); // warm-up
        run(base, clients, perClient);
        System.out.printf(Locale.ROOT, "%s: %d clients x %d disputes x 3 commands%n", base, clients, perClient);
    }

    private static void run(String base, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> results = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> client(base, perClient, failures)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) all.addAll(result.get());
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%,d commands in %.1f s = %,.0f commands/s; latency p50 %.1f ms, p99 %.1f ms;"
                        + " %d failures%n", sorted.length, seconds, sorted.length / seconds,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, failures.get());
    }

    private static List<Long> client(String base, int disputes, AtomicLong failures) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("officer.li:officer-demo"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < disputes; i++) {
            ObjectNode filing = Disputes.filing();
            // Workers and employers vary as in an office (one in fifty filings shares an employer):
            // the same worker in every filing would make each one a possible duplicate of all before.
            int serial = NEXT.getAndIncrement();
            filing.withArray("workers").removeAll();
            filing.withArray("workers").addObject().put("name", "张小明" + serial)
                    .put("idNumber", Disputes.withIdCheck("11010519900101" + String.format("%03d", serial % 1000)))
                    .put("phone", "13912345678");
            filing.putObject("employer").put("name", "苏州某电子有限公司" + serial / 50)
                    .put("creditCode", Disputes.creditCode(String.format("91320508MA1N%05d", serial / 50)));
            JsonNode filed = send(http, cookie, base + "/api/disputes", null, filing, latencies, failures);
            if (filed == null) continue;
            String path = base + "/api/disputes/" + filed.path("disputeId").asText();
            if (send(http, cookie, path + "/acceptance", "\"0\"", Disputes.acceptance(), latencies, failures) == null) {
                continue;
            }
            send(http, cookie, path + "/mediator", "\"1\"", Disputes.mediator("mediator.sun"), latencies, failures);
        }
        return latencies;
    }

    private static JsonNode send(HttpClient http, String cookie, String url, String ifMatch, ObjectNode body,
                                 List<Long> latencies, AtomicLong failures) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) request.header("If-Match", ifMatch);
        else request.header("Idempotency-Key", UUID.randomUUID().toString());
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - started);
        if (response.statusCode() / 100 != 2) {
            if (failures.incrementAndGet() <= 3) {
                System.out.println(url + " -> " + response.statusCode() + " " + response.body());
            }
            return null;
        }
        return JSON.readTree(response.body());
    }
}
