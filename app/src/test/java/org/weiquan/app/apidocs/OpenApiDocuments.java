package org.weiquan.app.apidocs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the app's own OpenAPI document, for the tests that hold it to the code and drive the API from it. */
final class OpenApiDocuments {
    private static final String SCHEMAS = "#/components/schemas/";

    private OpenApiDocuments() {
    }

    /** The schema itself where {@code schema} refers to one of the document's components (also through a lone allOf). */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        if (current.has("allOf") && current.path("allOf").size() == 1) current = current.path("allOf").get(0);
        String ref = current.path("$ref").asText("");
        if (ref.startsWith(SCHEMAS)) return document.path("components").path("schemas").path(ref.substring(SCHEMAS.length()));
        return current;
    }

    /** The fields of a JSON object, in order. */
    static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        node.fields().forEachRemaining(all::add);
        return all;
    }
}
