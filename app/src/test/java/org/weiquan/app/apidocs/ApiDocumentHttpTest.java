package org.weiquan.app.apidocs;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.app.support.HttpIntegrationTest;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.apidocs.OpenApiDocuments.fields;
import static org.weiquan.app.apidocs.OpenApiDocuments.resolve;

/**
 * The API document describes what the controllers really take and answer: a client generated from
 * it builds the bodies the API reads and reads the bodies the API writes.
 */
class ApiDocumentHttpTest extends HttpIntegrationTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping endpoints;

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        document = api.anonymous().get("/v3/api-docs").json();
    }

    @Test
    void finding_9_every_documented_body_is_the_record_the_controller_takes_or_returns() {
        List<String> mismatches = new ArrayList<>();
        int bodies = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> endpoint : ours()) {
            for (String path : endpoint.getKey().getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : endpoint.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
                    String where = method + " " + path;
                    assertThat(operation.isMissingNode()).as("%s is documented", where).isFalse();
                    HandlerMethod handler = endpoint.getValue();
                    for (MethodParameter parameter : handler.getMethodParameters()) {
                        if (!parameter.hasParameterAnnotation(RequestBody.class)) continue;
                        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                        compare(schema, parameter.getGenericParameterType(), where + " request", mismatches, new HashSet<>());
                        bodies++;
                    }
                    Type answer = answered(handler.getReturnType().getGenericParameterType());
                    if (answer != null) {
                        compare(success(operation), answer, where + " answer", mismatches, new HashSet<>());
                        bodies++;
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(bodies).as("bodies compared").isGreaterThan(100);
    }

    @Test
    void finding_9_no_two_types_share_a_schema_name() {
        // the closures of the four kinds, each with its own reasons
        Map<String, Class<? extends Enum<?>>> reasons = Map.of(
                "DisputeRequests.Close", ClosureReason.class,
                "HazardRequests.Close", HazardClosureReason.class,
                "LegalAidRequests.Close", LegalAidClosureReason.class,
                "PetitionRequests.Close", PetitionClosureReason.class);
        JsonNode schemas = document.path("components").path("schemas");
        reasons.forEach((name, reason) -> assertThat(values(schemas.path(name).path("properties").path("reason").path("enum")))
                .as(name).containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(reason.getEnumConstants()).map(Enum::name).toList()));
        assertThat(schemas.path("HazardRequests.Transitioned").path("properties").has("hazardId")).isTrue();
        assertThat(schemas.path("HazardRequests.Transitioned").path("properties").has("petitionId")).isFalse();
    }

    @Test
    void finding_10_creates_are_documented_201_and_every_operation_its_problem_answers() {
        for (String create : List.of("/api/disputes", "/api/hazards", "/api/legal-aid-cases", "/api/petitions")) {
            JsonNode responses = document.path("paths").path(create).path("post").path("responses");
            assertThat(responses.has("201")).as(create).isTrue();
            assertThat(responses.has("200")).as(create).isFalse();
        }
        int operations = 0;
        Set<String> codes = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : fields(path.getValue())) {
                JsonNode responses = operation.getValue().path("responses");
                String where = operation.getKey() + " " + path.getKey();
                for (String status : List.of("400", "401", "403")) {
                    JsonNode problem = responses.path(status).path("content").path("application/problem+json");
                    assertThat(problem.path("schema").path("$ref").asText()).as("%s %s", where, status)
                            .isEqualTo("#/components/schemas/Problem");
                }
                if (path.getKey().contains("{")) assertThat(responses.has("404")).as(where).isTrue();
                for (Map.Entry<String, JsonNode> response : fields(responses)) {
                    response.getValue().path("x-problem-codes").forEach(code -> codes.add(code.asText()));
                }
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(80);
        assertThat(codes).contains("validation-failed", "malformed-request", "unauthenticated", "forbidden",
                "case-not-found", "stale-version", "idempotency-conflict", "request-too-large");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
    }

    private List<Map.Entry<RequestMappingInfo, HandlerMethod>> ours() {
        return endpoints.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().startsWith("org.weiquan"))
                .filter(e -> e.getKey().getPathPatternsCondition() != null)
                .filter(e -> e.getKey().getPathPatternsCondition().getPatternValues().stream().allMatch(p -> p.startsWith("/api")))
                .toList();
    }

    /** The type of the body an endpoint answers, or null when it is not a record (or a list of them) to compare. */
    private static Type answered(Type returned) {
        Type type = returned;
        if (type instanceof ParameterizedType p && p.getRawType() == ResponseEntity.class) type = p.getActualTypeArguments()[0];
        if (type instanceof WildcardType || type == Object.class || type == void.class || type == Void.class) return null;
        Class<?> raw = raw(type);
        if (raw == null) return null;
        if (Collection.class.isAssignableFrom(raw)) return raw(element(type)) != null && raw(element(type)).isRecord() ? type : null;
        return raw.isRecord() ? type : null;
    }

    private JsonNode success(JsonNode operation) {
        for (Map.Entry<String, JsonNode> response : fields(operation.path("responses"))) {
            if (!response.getKey().startsWith("2")) continue;
            for (Map.Entry<String, JsonNode> content : fields(response.getValue().path("content"))) {
                return content.getValue().path("schema");
            }
        }
        return MissingNode.getInstance();
    }

    private void compare(JsonNode schema, Type type, String where, List<String> mismatches, Set<String> seen) {
        JsonNode resolved = resolve(document, schema);
        Class<?> raw = raw(type);
        if (raw == null || resolved.isMissingNode()) {
            if (resolved.isMissingNode()) mismatches.add(where + ": not documented");
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!resolved.path("type").asText().equals("array")) mismatches.add(where + ": documented as " + resolved.path("type"));
            else compare(resolved.path("items"), element(type), where + "[]", mismatches, seen);
            return;
        }
        if (raw.isEnum()) {
            Set<String> constants = new TreeSet<>(Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            if (resolved.has("enum") && !constants.equals(new TreeSet<>(values(resolved.path("enum"))))) {
                mismatches.add(where + ": documented " + values(resolved.path("enum")) + ", is " + constants);
            }
            return;
        }
        if (!raw.isRecord() || Arrays.stream(raw.getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class))) return;
        if (!seen.add(raw.getName())) return; // a record met again in the same body: already compared
        Set<String> documented = new TreeSet<>();
        fields(resolved.path("properties")).forEach(property -> documented.add(property.getKey()));
        Set<String> declared = new TreeSet<>(Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).toList());
        if (!documented.equals(declared)) {
            mismatches.add(where + " (" + raw.getName() + "): documented " + documented + ", declared " + declared);
            return;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            compare(resolved.path("properties").path(component.getName()), component.getGenericType(),
                    where + "." + component.getName(), mismatches, seen);
        }
    }


    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) return c;
        if (type instanceof GenericArrayType) return Object[].class;
        return null;
    }

    private static Type element(Type type) {
        if (type instanceof ParameterizedType p) return p.getActualTypeArguments()[0];
        if (type instanceof Class<?> c && c.isArray()) return c.getComponentType();
        if (type instanceof GenericArrayType g) return g.getGenericComponentType();
        return Object.class;
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

}
