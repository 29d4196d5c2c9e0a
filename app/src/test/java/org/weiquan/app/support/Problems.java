package org.weiquan.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {
    private Problems() {
    }

    /** The response is problem+json with this status and {@code code}; returns the problem. */
    public static JsonNode assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as("%s", response).isEqualTo(status);
        assertThat(problem.path("code").asText()).as("%s", response).isEqualTo(code);
        assertThat(problem.path("title").asText()).as("%s", response).isNotBlank();
        return problem;
    }

    /** The fields named in the problem's {@code errors}. */
    public static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> {
            assertThat(error.path("message").asText()).as("%s", error).isNotBlank();
            fields.add(error.path("field").asText());
        });
        return fields;
    }
}
