package org.weiquan.app.pages;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page form's inputs read from an API request record: one input per component, with what its
 * validation annotations say (required, length, range), nested records flattened
 * ({@code employer.name}) and, where the form allows them, required lists of records as repeated
 * rows ({@code workers[0].name}). So a field added to the API reaches its page without a template
 * change.
 */
public final class FormFields {
    /** Most rows a repeated group shows; the API takes more, from a script. */
    public static final int MAX_ROWS = 100;

    private FormFields() {
    }

    /**
     * One input. {@code name} is the body's JSON path, e.g. {@code meansTest.basis} or
     * {@code workers[1].idNumber}; {@code group} and {@code row} place it in a repeated group
     * ({@code row} is -1 outside one); {@code partyKey}: an ID number or credit code, which the
     * duplicate check looks for.
     */
    public record Field(String name, String input, boolean required, Integer maxLength, Long min, Long max,
                        String step, String labelPrefix, List<String> options, boolean notAfterToday,
                        String defaultValue, String group, int row, boolean rowStart, boolean partyKey) {
        public String id(String form) {
            return "f-" + form + "-" + name.replaceAll("[.\\[\\]]+", "-").replaceAll("-$", "");
        }

        /** The message key of the input's label: one per component, whatever the row. */
        public String labelKey() {
            return "field." + name.replaceAll("\\[\\d+]", "");
        }

        Field inRow(String group, int row, boolean rowStart) {
            return new Field(name, input, required, maxLength, min, max, step, labelPrefix, options, notAfterToday,
                    defaultValue, group, row, rowStart, partyKey);
        }
    }

    /** A required list of records shown as rows; {@code rows} how many the form shows now. */
    public record Group(String name, int rows) {
    }

    /** The inputs of a form and its repeated groups. */
    public record Layout(List<Field> fields, List<Group> groups) {
    }

    /**
     * The inputs for {@code body}, or empty when one of its required components cannot be a form
     * input. {@code rows}: how many rows each repeated group shows (one when not named); null when
     * the form has no repeated groups, so that a required list of records leaves it without a form.
     */
    public static Optional<Layout> of(Class<?> body, Map<String, Integer> rows) {
        List<Field> fields = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        return add(body, "", fields, groups, rows) ? Optional.of(new Layout(List.copyOf(fields), List.copyOf(groups)))
                : Optional.empty();
    }

    private static boolean add(Class<?> record, String prefix, List<Field> fields, List<Group> groups,
                               Map<String, Integer> rows) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + component.getName();
            // constraints are not record-component annotations: they reach the accessor
            AnnotatedElement annotations = component.getAccessor();
            Class<?> type = component.getType();
            boolean required = annotations.isAnnotationPresent(NotNull.class) || annotations.isAnnotationPresent(NotBlank.class)
                    || annotations.isAnnotationPresent(NotEmpty.class) || type.isPrimitive();
            Size size = annotations.getAnnotation(Size.class);
            Min min = annotations.getAnnotation(Min.class);
            Max max = annotations.getAnnotation(Max.class);
            Integer maxLength = size == null ? null : size.max();
            boolean partyKey = name.endsWith("idNumber") || name.endsWith("creditCode");
            Type element = component.getGenericType() instanceof ParameterizedType list
                    ? list.getActualTypeArguments()[0] : null;
            if (type == LocalDate.class) {
                fields.add(field(name, "date", required, null, null, null, null, null, List.of(),
                        annotations.isAnnotationPresent(PastOrPresent.class), null, false));
            } else if (type == String.class) {
                fields.add(field(name, maxLength != null && maxLength > 200 ? "textarea" : "text", required,
                        maxLength, null, null, null, null, List.of(), false, null, partyKey));
            } else if (type == BigDecimal.class) {
                fields.add(field(name, "number", required, null, 0L, null, "0.01", null, List.of(), false, null, false));
            } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                fields.add(field(name, "number", required, null, min == null ? null : min.value(),
                        max == null ? null : max.value(), "1", null, List.of(), false, null, false));
            } else if (type == boolean.class || type == Boolean.class) {
                // a bare yes/no of the API defaults to no; a Boolean the API requires is asked
                fields.add(field(name, "select", required, null, null, null, null, "boolean", List.of("true", "false"),
                        false, type.isPrimitive() ? "false" : null, false));
            } else if (type.isEnum()) {
                fields.add(field(name, "select", required, null, null, null, null, type.getSimpleName(),
                        Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList(), false, null, false));
            } else if (List.class.isAssignableFrom(type) && element == String.class) {
                // a list of short texts: one per line
                fields.add(field(name, "lines", required, null, null, null, null, null, List.of(), false, null, false));
            } else if (type.isRecord()) {
                if (!add(type, name + ".", fields, groups, rows)) return false;
            } else if (List.class.isAssignableFrom(type) && element instanceof Class<?> inner && isFileRecord(inner)) {
                // files chosen in the browser: the server reads their name, type, size and SHA-256
                fields.add(field(name, "files", required, null, null, null, null, null, List.of(), false, null, false));
            } else if (List.class.isAssignableFrom(type) && element instanceof Class<?> inner && inner.isRecord()
                    && required && rows != null) {
                int shown = Math.max(1, Math.min(MAX_ROWS, rows.getOrDefault(name, 1)));
                groups.add(new Group(name, shown));
                for (int row = 0; row < shown; row++) {
                    List<Field> ofRow = new ArrayList<>();
                    if (!add(inner, name + "[" + row + "].", ofRow, groups, null)) return false;
                    for (int i = 0; i < ofRow.size(); i++) fields.add(ofRow.get(i).inRow(name, row, i == 0));
                }
            } else if (required) {
                return false; // a list of files, a map: not for a plain form
            }
        }
        return true;
    }

    /** The metadata of a file as the API takes it: exactly fileName, mediaType, sizeBytes and sha256. */
    static boolean isFileRecord(Class<?> type) {
        if (!type.isRecord()) return false;
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).sorted().toList();
        return names.equals(List.of("fileName", "mediaType", "sha256", "sizeBytes"));
    }

    private static Field field(String name, String input, boolean required, Integer maxLength, Long min, Long max,
                               String step, String labelPrefix, List<String> options, boolean notAfterToday,
                               String defaultValue, boolean partyKey) {
        return new Field(name, input, required, maxLength, min, max, step, labelPrefix, options, notAfterToday,
                defaultValue, null, -1, false, partyKey);
    }
}
