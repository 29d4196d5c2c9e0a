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
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable one-line summary of an event, in English and Chinese, from the label file
 * {@code audit/event-labels.csv}: supervisors read "Mediator 孙丽 (mediator.sun) assigned", not a payload.
 * A coded value is shown by its label ({@code {outcome:VerificationOutcome}} reads 复查合格, not
 * PASSED), from the same tables as the pages ({@code labels.properties}, {@code labels_en.properties}).
 */
public final class EventSummaries {
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9.|]+)(?::([A-Za-z]+))?}");
    private static final Properties ZH = labels("/labels.properties");
    private static final Properties EN = labels("/labels_en.properties");
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
        return new Summary(label.en().fill(data, EN), label.zh().fill(data, ZH));
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
                parts.add(new Field(Arrays.stream(field.group(1).split("\\|")).map(path -> path.split("\\.")).toList(),
                        field.group(2)));
                literalStart = field.end();
            }
            if (literalStart < template.length()) parts.add(new Literal(template.substring(literalStart)));
            return new Template(List.copyOf(parts));
        }

        String fill(Map<String, Object> data, Properties labels) {
            StringBuilder out = new StringBuilder(64);
            for (Part part : parts) part.appendTo(out, data, labels);
            return out.toString();
        }
    }

    private sealed interface Part permits Literal, Field {
        void appendTo(StringBuilder out, Map<String, Object> data, Properties labels);
    }

    private record Literal(String text) implements Part {
        @Override
        public void appendTo(StringBuilder out, Map<String, Object> data, Properties labels) {
            out.append(text);
        }
    }

    /**
     * A field reference: the alternatives of {@code {a.b|c}}, each a path of field names, and the type
     * whose label a coded value is shown by ({@code {a:Type}}), or null.
     */
    private record Field(List<String[]> alternatives, String codeType) implements Part {
        @Override
        public void appendTo(StringBuilder out, Map<String, Object> data, Properties labels) {
            Object value = resolve(data, alternatives);
            if (value == null) {
                out.append("—");
            } else if (codeType != null) {
                out.append(labels.getProperty(codeType + "." + value, value.toString()));
            } else {
                out.append(value);
            }
        }
    }

    private static Properties labels(String resource) {
        Properties labels = new Properties();
        try (InputStream in = EventSummaries.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
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
