package org.weiquan.app.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.LegalAidCases;
import org.weiquan.app.support.Petitions;
import org.weiquan.app.support.RawHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.apidocs.OpenApiDocuments.fields;
import static org.weiquan.app.apidocs.OpenApiDocuments.resolve;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;

/**
 * Every operation of the API document, driven by that document, with hostile input in every body
 * field, query parameter, path segment and header, and whole bodies that are not JSON, too deep or
 * too large. Whatever comes: never a 5xx, every 4xx a problem+json with a stable code, no stack
 * trace or database text in any answer, and a refused request leaves the event log as it was.
 * Seeded, so a failure repeats; the counts go to {@code target/fuzz-report.txt}.
 */
class ApiFuzzHttpTest extends HttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    /** What only a server's insides would write: a stack frame, an exception, the database speaking. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat (org|java|jdk|com)\\.[\\w.$]+\\(|Exception\\b|org\\.h2|org\\.postgresql|SQLState|JdbcSQL|Caused by");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final String LONE_SURROGATE = "LONE-SURROGATE";

    /** Text no field should choke on: injections, Unicode edges, nonsense dates and numbers. */
    private static final List<String> HOSTILE_TEXT = List.of(
            "' OR '1'='1", "'; DROP TABLE case_registry; --", "\" OR 1=1 --", "<script>alert(1)</script>",
            "{{7*7}}${7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000", "a\u0000b",
            "\u202eRTL override", "\u200b\u200c\u200d\ufeff", "😀👨‍👩‍👧‍👦🏳️‍🌈", "\uFFFF\uFFFE", LONE_SURROGATE,
            "", " ", "\t\r\n", "null", "true", "-1", "1e309", "NaN", "2026-02-30", "0000-00-00", "9999-12-31",
            "1949-12-31", "2026-11-20T25:61:00Z", "12/20/2026", "x".repeat(70_000));
    private static final List<JsonNode> HOSTILE_VALUES = List.of(
            NODES.nullNode(), NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(-0.000001), NODES.booleanNode(true),
            NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()),
            NODES.objectNode().put("$ne", 1));
    private static final List<String> HOSTILE_PARAMETERS = List.of(
            "-1", "0", "2147483648", "99999999999999999999", "1e3", "NaN", "' OR 1=1 --", "<script>", "../x",
            "\u202e", "😀", "", "2026-13-45", "LABOUR_DISPUTEX", "x".repeat(5_000));
    private static final List<String> HOSTILE_HEADERS = List.of(
            "", "\"\"", "\"-1\"", "\"abc\"", "W/\"1\"", "*", "\"99999999999999999999\"", "1, 2", "' OR 1=1 --",
            "x".repeat(300));

    private final Random random = new Random(11);
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int logChanges;
    private int nonProblem;
    private int serverErrors;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void every_endpoint_answers_hostile_input_without_a_5xx_with_problem_json_and_without_changing_the_log()
            throws IOException {
        JsonNode document = api.anonymous().get("/v3/api-docs").json();
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("/api/disputes/", filed(Disputes.PATH, Disputes.filing(), "disputeId"));
        cases.put("/api/hazards/", filed(Hazards.PATH, Hazards.report(), "hazardId"));
        cases.put("/api/legal-aid-cases/", filed(LegalAidCases.PATH, LegalAidCases.application(91), "legalAidCaseId"));
        cases.put("/api/petitions/", filed(Petitions.PATH, Petitions.letter(), "petitionId"));

        int operations = 0;
        for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : fields(path.getValue())) {
                fuzz(document, path.getKey(), operation.getKey().toUpperCase(), operation.getValue(), cases);
                operations++;
            }
        }

        String report = "operations: " + operations + "\nrequests: " + requests + "\nby status: " + byStatus
                + "\n5xx: " + serverErrors + "\n4xx not problem+json: " + nonProblem
                + "\nrefused requests that changed the event log: " + logChanges + "\n";
        Files.writeString(Path.of("target", "fuzz-report.txt"), report + String.join("\n", failures));
        assertThat(failures).as(report).isEmpty();
        assertThat(operations).isGreaterThan(80);
        assertThat(requests).isGreaterThan(2_000);
        assertThat(serverErrors + nonProblem + logChanges).isZero();
    }

    private String[] filed(String path, ObjectNode body, String idField) {
        ApiResponse answer = api.as(OFFICER_LI).post(path, body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return new String[]{answer.json().path(idField).asText(), answer.json().path("caseNumber").asText()};
    }

    private void fuzz(JsonNode document, String template, String method, JsonNode operation, Map<String, String[]> cases) {
        String user = userFor(template, method);
        String path = fill(template, cases);
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                query.put(parameter.path("name").asText(), sample(resolve(document, parameter.path("schema")), parameter.path("name").asText()).asText());
            }
        }
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode body = bodySchema.isMissingNode() ? null : sample(document, resolve(document, bodySchema), "", 0);
        boolean transition = hasHeader(operation, "If-Match");

        // as it stands, as someone who may not, and as nobody
        send(user, method, path, query, body, Map.of());
        send(ANALYST_ZHAO, method, path, query, body, Map.of());
        send(null, method, path, query, body, Map.of());

        // every body field, one at a time
        if (body != null) {
            for (String pointer : leaves(body, "")) {
                for (int i = 0; i < 4; i++) {
                    JsonNode mutated = body.deepCopy();
                    JsonNode value = random.nextInt(3) == 0 ? pick(HOSTILE_VALUES)
                            : NODES.textNode(pick(HOSTILE_TEXT));
                    replace(mutated, pointer, value);
                    send(user, method, path, query, mutated, Map.of());
                }
            }
            for (String broken : List.of("", "{", "[", "null", "\"text\"", "[]", "{\"a\":}", "{\"a\":1,}",
                    "{'single':'quotes'}", "\u0000", "{\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                    "{\"pad\":\"" + "x".repeat(2_100_000) + "\"}")) {
                sendRaw(user, method, path, query, broken, Map.of());
            }
            sendRaw(user, method, path, query, body.toString(), Map.of("Content-Type", "text/plain"));
        }
        // every query parameter the operation names
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            if (!parameter.path("in").asText().equals("query")) continue;
            for (int i = 0; i < 3; i++) {
                Map<String, String> hostile = new LinkedHashMap<>(query);
                hostile.put(name, pick(HOSTILE_PARAMETERS));
                send(user, method, path, hostile, body, Map.of());
            }
        }
        // every path segment that is a variable
        Matcher variables = PATH_VARIABLE.matcher(template);
        while (variables.find()) {
            for (int i = 0; i < 3; i++) {
                String hostile = URLEncoder.encode(pick(HOSTILE_PARAMETERS), StandardCharsets.UTF_8).replace("+", "%20");
                String mutated = fill(template.replace(variables.group(), hostile.isEmpty() ? "%20" : hostile), cases);
                send(user, method, mutated, query, body, Map.of());
            }
        }
        // what only a raw client sends: header values that are not ASCII or too long, path segments
        // the firewall and Tomcat refuse
        String body0 = body == null ? "" : body.toString();
        if (method.equals("POST")) {
            for (String key : List.of("键", "é中文", "\u202e")) {
                sendBytes(user, method, path, "Idempotency-Key: " + key + "\r\n", body0);
            }
        }
        for (String header : List.of("If-Match", "Idempotency-Key")) {
            sendBytes(user, method, path, header + ": \"" + "9".repeat(9_000) + "\"\r\n", body0);
        }
        variables.reset();
        while (variables.find()) {
            for (String segment : List.of("..", "%2e%2e", "..;", "%00", "%ED%A0%80", "x;jsessionid=1", "%2F", "%5C")) {
                sendBytes(user, method, fill(template.replace(variables.group(), segment), cases), "", body0);
            }
        }
        // the headers a transition and a create read
        if (method.equals("POST")) {
            for (int i = 0; i < 3; i++) {
                send(user, method, path, query, body, Map.of("Idempotency-Key", pick(HOSTILE_HEADERS)));
                if (transition) send(user, method, path, query, body, Map.of("If-Match", pick(HOSTILE_HEADERS)));
            }
        }
    }

    private void send(String user, String method, String path, Map<String, String> query, JsonNode body,
                      Map<String, String> headers) {
        String text = body == null ? null : body.toString().replace(LONE_SURROGATE, "\\ud800");
        sendRaw(user, method, path, query, text, headers);
    }

    private void sendRaw(String user, String method, String path, Map<String, String> query, String body,
                         Map<String, String> headers) {
        String uri = path + queryString(query);
        ApiClient.Call call = user == null ? api.anonymous() : api.as(user);
        for (Map.Entry<String, String> header : headers.entrySet()) call = call.header(header.getKey(), header.getValue());
        long before = storedEventCount();
        ApiResponse answer;
        switch (method) {
            case "GET" -> answer = call.get(uri);
            case "POST" -> answer = call.postRaw(uri, body == null ? "" : body);
            case "PUT" -> answer = call.putRaw(uri, body == null ? "" : body);
            case "DELETE" -> answer = call.delete(uri);
            default -> throw new IllegalStateException(method);
        }
        String what = method + " " + uri.substring(0, Math.min(uri.length(), 160)) + " as " + user + " with "
                + (body == null ? "no body" : body.substring(0, Math.min(body.length(), 160)));
        check(answer.status(), answer.contentType(), answer.body(), what, before);
    }

    /** The same, for a request written byte by byte. */
    private void sendBytes(String user, String method, String path, String headerLines, String body) {
        long before = storedEventCount();
        RawHttp.Answer answer;
        try {
            answer = new RawHttp(port).send(user, method, path, headerLines, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String what = "raw " + method + " " + path + " with " + headerLines.strip();
        check(answer.status(), answer.contentType(), answer.body(), what.substring(0, Math.min(what.length(), 200)), before);
    }

    private void check(int status, String contentType, String body, String what, long eventsBefore) {
        requests++;
        byStatus.merge(status, 1, Integer::sum);
        if (status >= 500) {
            serverErrors++;
            failures.add("5xx: " + what + " -> " + status + " " + body);
        }
        if (status >= 400) {
            JsonNode problem = parse(body);
            if (!contentType.startsWith("application/problem+json") || problem == null
                    || !CODE.matcher(problem.path("code").asText()).matches()) {
                nonProblem++;
                failures.add("not problem+json: " + what + " -> " + status + " " + contentType + " " + body);
            }
            if (storedEventCount() != eventsBefore) {
                logChanges++;
                failures.add("refused but stored: " + what);
            }
        }
        if (LEAK.matcher(body).find()) failures.add("leak: " + what + " -> " + body);
    }

    private long storedEventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static String userFor(String path, String method) {
        if (path.startsWith("/api/admin")) return ADMIN;
        if (path.startsWith("/api/analytics")) return ANALYST_ZHAO;
        if (path.startsWith("/api/audit")) return SUPERVISOR_WANG;
        return OFFICER_LI;
    }

    private static String fill(String template, Map<String, String[]> cases) {
        String[] own = cases.entrySet().stream().filter(e -> template.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(cases.get("/api/disputes/"));
        return template.replace("{id}", own[0]).replace("{ref}", own[1]).replace("{name}", "dispute-list")
                .replace("{group}", "dispute-list").replace("{lawyerId}", "lawyer.fuzz")
                .replace("{mediatorId}", "mediator.fuzz").replace("{number}", "1");
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) return "";
        StringBuilder out = new StringBuilder("?");
        query.forEach((name, value) -> out.append(out.length() > 1 ? "&" : "").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static boolean hasHeader(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals(name)) return true;
        }
        return false;
    }

    /** A plausible value for a schema: what a careful client would send. */
    private JsonNode sample(JsonNode document, JsonNode schema, String name, int depth) {
        JsonNode resolved = resolve(document, schema);
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        if (depth > 6) return NODES.nullNode();
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : fields(resolved.path("properties"))) {
                    object.set(property.getKey(), sample(document, property.getValue(), property.getKey(), depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(document, resolved.path("items"), name, depth + 1));
                return array;
            }
            default -> {
                return sample(resolved, name);
            }
        }
    }

    private static JsonNode sample(JsonNode schema, String name) {
        if (schema.has("enum")) return schema.path("enum").get(0);
        return switch (schema.path("type").asText("string")) {
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "number" -> NODES.numberNode(new java.math.BigDecimal("1000.00"));
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.textNode(switch (schema.path("format").asText("")) {
                case "date" -> Disputes.daysAgo(1).toString();
                case "date-time" -> LocalDate.now().atStartOfDay().toString() + "Z";
                case "uuid" -> java.util.UUID.randomUUID().toString();
                default -> switch (name) {
                    case "idNumber" -> Disputes.idNumber(77);
                    case "creditCode" -> Hazards.CREDIT_CODE;
                    case "phone" -> "13912345678";
                    case "sha256" -> "a".repeat(64);
                    default -> "测试";
                };
            });
        };
    }


    /** JSON pointers of every value that is not an object or array with members. */
    private static List<String> leaves(JsonNode node, String at) {
        List<String> found = new ArrayList<>();
        if (node.isObject() && node.size() > 0) {
            fields(node).forEach(field -> found.addAll(leaves(field.getValue(), at + "/" + field.getKey())));
        } else if (node.isArray() && node.size() > 0) {
            found.add(at);
            for (int i = 0; i < node.size(); i++) found.addAll(leaves(node.get(i), at + "/" + i));
        } else if (!at.isEmpty()) {
            found.add(at);
        }
        return found;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent instanceof ObjectNode object) object.set(key, value);
        else if (parent instanceof ArrayNode array) array.set(Integer.parseInt(key), value);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

}
