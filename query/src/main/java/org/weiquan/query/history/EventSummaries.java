package org.weiquan.query.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable one-line summary of an event, in English and Chinese, from the label file
 * {@code audit/event-labels.csv}: supervisors read "Mediator 孙丽 (mediator.sun) assigned", not a payload.
 */
public final class EventSummaries {
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9.|]+)}");
    private static final EventSummaries DEFAULT = load("/audit/event-labels.csv");

    private final Map<String, String[]> labels;

    private EventSummaries(Map<String, String[]> labels) {
        this.labels = labels;
    }

    public static EventSummaries standard() {
        return DEFAULT;
    }

    public record Summary(String en, String zh) {
    }

    /** Whether the label file has a line for this event type. */
    public boolean knows(String eventType) {
        return labels.containsKey(eventType);
    }

    public Summary summarise(String eventType, Map<String, Object> data) {
        String[] label = labels.get(eventType);
        if (label == null) {
            String fallback = eventType.replace('.', ' ').replace('-', ' ');
            return new Summary(fallback, fallback);
        }
        return new Summary(fill(label[0], data), fill(label[1], data));
    }

    private static String fill(String template, Map<String, Object> data) {
        Matcher field = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (field.find()) {
            Object value = resolve(data, field.group(1));
            field.appendReplacement(out, Matcher.quoteReplacement(value == null ? "—" : value.toString()));
        }
        field.appendTail(out);
        return out.toString();
    }

    /**
     * {@code a.b} is field {@code b} of the object in field {@code a}; {@code x|y} is the first of
     * {@code x} and {@code y} that has a plain value. Audit rows written before an event's revision
     * changed keep the old shape, so a label can name both ({@code {mediator.id|mediator}}).
     */
    private static Object resolve(Map<String, Object> data, String alternatives) {
        for (String path : alternatives.split("\\|")) {
            Object value = data;
            for (String name : path.split("\\.")) {
                value = value instanceof Map<?, ?> object ? object.get(name) : null;
            }
            if (value != null && !(value instanceof Map<?, ?>)) return value;
        }
        return null;
    }

    static EventSummaries load(String resource) {
        Map<String, String[]> labels = new HashMap<>();
        try (InputStream in = EventSummaries.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.split(",", 3);
                if (fields.length != 3) throw new IllegalStateException("bad label line: " + line);
                labels.put(fields[0].strip(), new String[]{fields[1].strip(), fields[2].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventSummaries(labels);
    }
}
