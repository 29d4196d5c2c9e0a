package org.weiquan.app.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpHeaders;
import java.util.List;

/** What the server answered: status, headers and the body as text, readable as JSON. */
public record ApiResponse(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("response body is not JSON: " + this, e);
        }
    }

    /** The ETag as the version it names: {@code "7"} is 7. */
    public long etagVersion() {
        String etag = header("ETag");
        if (etag == null || !etag.matches("\"\\d+\"")) throw new AssertionError("no version ETag in " + this);
        return Long.parseLong(etag.substring(1, etag.length() - 1));
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + headers.map() + "\n" + body;
    }
}
