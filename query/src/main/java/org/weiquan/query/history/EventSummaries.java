package org.weiquan.query.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

    private final Map<String, Label> labels;

    private EventSummaries(Map<String, Label> labels) {
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
        Label label = labels.get(eventType);
        if (label == null) {
            String fallback = eventType.replace('.', ' ').replace('-', ' ');
            return new Summary(fallback, fallback);
        }
        return new Summary(label.en().fill(data), label.zh().fill(data));
    }

    private record Label(Template en, Template zh) {
    }

    /**
     * A label parsed once into literal text and field references: a history of ten thousand events
     * fills twenty thousand templates, and matching a pattern for each was half of its cost.
     */
    private record Template(List<Part> parts) {
        static Template parse(String template) {
            List<Part> parts = new ArrayList<>();
            Matcher field = FIELD.matcher(template);
            int literalStart = 0;
            while (field.find()) {
                if (field.start() > literalStart) parts.add(new Literal(template.substring(literalStart, field.start())));
                parts.add(new Field(Arrays.stream(field.group(1).split("\\|")).map(path -> path.split("\\.")).toList()));
                literalStart = field.end();
            }
            if (literalStart < template.length()) parts.add(new Literal(template.substring(literalStart)));
            return new Template(List.copyOf(parts));
        }

        String fill(Map<String, Object> data) {
            StringBuilder out = new StringBuilder(64);
            for (Part part : parts) part.appendTo(out, data);
            return out.toString();
        }
    }

    private sealed interface Part permits Literal, Field {
        void appendTo(StringBuilder out, Map<String, Object> data);
    }

    private record Literal(String text) implements Part {
        @Override
        public void appendTo(StringBuilder out, Map<String, Object> data) {
            out.append(text);
        }
    }

    /** A field reference: the alternatives of {@code {a.b|c}}, each a path of field names. */
    private record Field(List<String[]> alternatives) implements Part {
        @Override
        public void appendTo(StringBuilder out, Map<String, Object> data) {
            Object value = resolve(data, alternatives);
            out.append(value == null ? "—" : value.toString());
        }
    }

    /**
     * {@code a.b} is field {@code b} of the object in field {@code a}; {@code x|y} is the first of
     * {@code x} and {@code y} that has a plain value. Audit rows written before an event's revision
     * changed keep the old shape, so a label can name both ({@code {mediator.id|mediator}}).
     */
    private static Object resolve(Map<String, Object> data, List<String[]> alternatives) {
        for (String[] path : alternatives) {
            Object value = data;
            for (String name : path) {
                value = value instanceof Map<?, ?> object ? object.get(name) : null;
            }
            if (value != null && !(value instanceof Map<?, ?>)) return value;
        }
        return null;
    }

    static EventSummaries load(String resource) {
        Map<String, Label> labels = new HashMap<>();
        try (InputStream in = EventSummaries.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.split(",", 3);
                if (fields.length != 3) throw new IllegalStateException("bad label line: " + line);
                labels.put(fields[0].strip(), new Label(Template.parse(fields[1].strip()), Template.parse(fields[2].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventSummaries(labels);
    }
}
