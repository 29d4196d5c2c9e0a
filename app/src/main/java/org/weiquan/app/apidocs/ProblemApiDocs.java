package org.weiquan.app.apidocs;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every operation's error answers in the API document: each 4xx it can give, as
 * {@code application/problem+json} with the {@code Problem} schema, and the stable codes it may
 * carry (also as the {@code x-problem-codes} extension, for generated clients). The codes follow
 * from what the operation takes: a body can be malformed or too large, an {@code If-Match} stale,
 * a path id unknown or invisible.
 */
@Configuration(proxyBeanMethods = false)
class ProblemApiDocs {
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer problemSchema() {
        return api -> api.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                .description("RFC 9457 problem details; code is stable, detail is for people")
                .addProperty("type", new StringSchema().example("urn:weiquan:problem:validation-failed"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("validation-failed"))
                .addProperty("errors", new ArraySchema().description("for validation-failed: one entry per field")
                        .items(new ObjectSchema().addProperty("field", new StringSchema())
                                .addProperty("message", new StringSchema())))
                .addRequiredItem("status").addRequiredItem("code"));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            boolean body = takes(handler, RequestBody.class);
            boolean pathId = takes(handler, PathVariable.class);
            boolean ifMatch = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> {
                RequestHeader header = p.getParameterAnnotation(RequestHeader.class);
                return header != null && "If-Match".equalsIgnoreCase(header.name());
            });
            boolean post = handler.hasMethodAnnotation(PostMapping.class);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();

            List<String> invalid = new ArrayList<>(List.of("validation-failed", "invalid-request", "request-rejected"));
            if (body) invalid.add("malformed-request");
            if (ifMatch) invalid.add("malformed-if-match");
            if (post) invalid.add("<kind>.<rule>, e.g. case.district-outside-organisation");
            add(responses, "400", "the request is refused as it stands; nothing changed", invalid);
            add(responses, "401", "not signed in", List.of("unauthenticated"));
            add(responses, "403", "your role may not do this", List.of("forbidden"));
            if (pathId) add(responses, "404", "no such case, or not one you may see", List.of("case-not-found"));
            if (post) {
                List<String> conflicts = new ArrayList<>(List.of("idempotency-conflict"));
                if (ifMatch) conflicts.add(0, "stale-version");
                conflicts.add("<kind>.<rule>: the case's state forbids it, e.g. dispute.cannot-close");
                add(responses, "409", "conflicts with the case as it is now; nothing changed", conflicts);
            }
            if (body) add(responses, "413", "the request body is too large", List.of("request-too-large"));
            operation.setResponses(responses);
            return operation;
        };
    }

    private static boolean takes(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }

    private static void add(ApiResponses responses, String status, String description, List<String> codes) {
        if (responses.containsKey(status)) return;
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        ApiResponse response = new ApiResponse()
                .description(description + ". code: " + String.join(" | ", codes))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
        response.addExtension("x-problem-codes", codes);
        responses.addApiResponse(status, response);
    }
}
