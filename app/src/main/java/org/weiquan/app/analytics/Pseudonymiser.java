package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.Personal;
import org.weiquan.api.common.Personal.Kind;
import org.weiquan.app.casefile.PartyKeys;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What analysts get in place of personal data, decided by the {@link Personal} marks of the
 * records alone: a party becomes {@code person-…} in place of name and ID number, a phone
 * {@code phone-…}, staff the same {@code staff-…} as when they act, and free text is given with ID
 * numbers, phone numbers and the names of the case's parties masked. The same person is the same
 * pseudonym in every event and every export; without the personal-data key nobody can tell whose
 * it is. A personal field without a value to key on (a list's masked name) is left out (null).
 */
@Component
public class Pseudonymiser {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    /** Mainland mobile numbers, with or without +86, and landlines with an area code (0512-…). */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?![0-9A-Za-z])|(?<![0-9A-Za-z])0\\d{2,3}-\\d{7,8}(?![0-9A-Za-z])");
    /** A one-character name would mask that character everywhere: names shorter than this are not looked for. */
    private static final int SHORTEST_NAME_LOOKED_FOR = 2;

    private static final Map<Class<?>, Boolean> HOLDS_PERSONAL_DATA = new ConcurrentHashMap<>();

    private final PartyKeys keys;
    private final ObjectMapper json;

    public Pseudonymiser(PartyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** {@code value} as analysts may see it, with no known parties to look for in its text. */
    public JsonNode pseudonymise(Object value) {
        return pseudonymise(value, Map.of());
    }

    /**
     * {@code value} as analysts may see it. {@code knownParties}: the names of the case's parties,
     * each with its pseudonym (from {@link #parties}), which free text shows in place of the name.
     */
    public JsonNode pseudonymise(Object value, Map<String, String> knownParties) {
        JsonNode tree = json.valueToTree(value);
        TextMask mask = new TextMask(knownParties);
        if (value instanceof Collection<?> items && tree instanceof ArrayNode array) {
            // a list answered as it is: each element by its own type
            int i = 0;
            for (Object item : items) {
                if (item != null) walk(array.get(i), item.getClass(), mask);
                i++;
            }
        } else if (value != null) {
            walk(tree, value.getClass(), mask);
        }
        return tree;
    }

    /** The names of the parties a record names (a case's filing), each with its person pseudonym. */
    public Map<String, String> parties(Object value) {
        Map<String, String> names = new LinkedHashMap<>();
        if (value != null) collectParties(json.valueToTree(value), value.getClass(), names);
        return names;
    }

    /** Whether {@code value} (or, for a list, one of its elements) holds a marked field anywhere inside it. */
    public static boolean holdsPersonalData(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().anyMatch(item -> item != null && holdsPersonalData(item.getClass()));
        }
        return value != null && holdsPersonalData(value.getClass());
    }

    /** Whether values of {@code type} hold a marked field anywhere inside them. */
    public static boolean holdsPersonalData(Class<?> type) {
        Boolean known = HOLDS_PERSONAL_DATA.get(type);
        if (known != null) return known;
        HOLDS_PERSONAL_DATA.put(type, false); // a record that contains itself ends here
        boolean holds = false;
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                holds |= component.isAnnotationPresent(Personal.class)
                        || elementTypes(component.getGenericType()).stream().anyMatch(Pseudonymiser::holdsPersonalData);
            }
        }
        HOLDS_PERSONAL_DATA.put(type, holds);
        return holds;
    }

    public String actor(String username) {
        return username == null ? null : keys.pseudonym("staff", username);
    }

    private void walk(JsonNode node, Type type, TextMask mask) {
        if (node instanceof ArrayNode array) {
            Type element = elementType(type);
            if (element != null) array.forEach(item -> walk(item, element, mask));
            return;
        }
        Class<?> raw = raw(type);
        if (!(node instanceof ObjectNode object) || raw == null || !raw.isRecord()) return;
        String person = null;
        String staff = null;
        for (RecordComponent component : raw.getRecordComponents()) {
            Personal mark = component.getAnnotation(Personal.class);
            JsonNode value = object.get(component.getName());
            if (mark == null || value == null || !value.isTextual()) continue;
            if (mark.value() == Kind.ID_NUMBER && person == null) person = keys.pseudonym("person", value.asText());
            if (mark.value() == Kind.STAFF && staff == null) staff = actor(value.asText());
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Personal mark = component.getAnnotation(Personal.class);
            JsonNode value = object.get(component.getName());
            if (value == null || value.isNull()) continue;
            if (mark == null) {
                walk(value, component.getGenericType(), mask);
            } else if (value instanceof ArrayNode texts) {
                for (int i = 0; i < texts.size(); i++) texts.set(i, replace(mark.value(), texts.get(i), person, staff, mask));
            } else {
                object.set(component.getName(), replace(mark.value(), value, person, staff, mask));
            }
        }
    }

    private JsonNode replace(Kind kind, JsonNode value, String person, String staff, TextMask mask) {
        if (!value.isTextual()) return value;
        String text = value.asText();
        String replaced = switch (kind) {
            case ID_NUMBER -> keys.pseudonym("person", text);
            case PERSON_NAME -> person;
            case PHONE -> keys.pseudonym("phone", text);
            case STAFF -> actor(text);
            case STAFF_NAME -> staff;
            case FREE_TEXT -> mask.apply(text);
        };
        return replaced == null ? NullNode.getInstance() : TextNode.valueOf(replaced);
    }

    private void collectParties(JsonNode node, Type type, Map<String, String> names) {
        if (node instanceof ArrayNode array) {
            Type element = elementType(type);
            if (element != null) array.forEach(item -> collectParties(item, element, names));
            return;
        }
        Class<?> raw = raw(type);
        if (!(node instanceof ObjectNode object) || raw == null || !raw.isRecord()) return;
        String name = null;
        String idNumber = null;
        for (RecordComponent component : raw.getRecordComponents()) {
            Personal mark = component.getAnnotation(Personal.class);
            JsonNode value = object.get(component.getName());
            if (value == null || value.isNull()) continue;
            if (mark == null) collectParties(value, component.getGenericType(), names);
            else if (mark.value() == Kind.PERSON_NAME && value.isTextual()) name = value.asText().strip();
            else if (mark.value() == Kind.ID_NUMBER && value.isTextual()) idNumber = value.asText();
        }
        if (name != null && idNumber != null && name.codePointCount(0, name.length()) >= SHORTEST_NAME_LOOKED_FOR) {
            names.put(name, keys.pseudonym("person", idNumber));
        }
    }

    /**
     * Free text as someone typed it: ID numbers, phone numbers and the parties' names are masked
     * wherever they stand, a party's name by the party's pseudonym. Names of people who are not a
     * party to the case are not found this way.
     */
    static final class TextMask {
        private final Pattern names;
        private final Map<String, String> pseudonyms;

        TextMask(Map<String, String> knownParties) {
            this.pseudonyms = knownParties;
            // longest first: 欧阳娜娜 before 欧阳娜
            this.names = knownParties.isEmpty() ? null : Pattern.compile(knownParties.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                    .reduce((a, b) -> a + "|" + b).orElseThrow());
        }

        String apply(String text) {
            String masked = PHONE.matcher(ID_NUMBER.matcher(text).replaceAll("[身份证号]")).replaceAll("[电话]");
            if (names == null) return masked;
            Matcher matcher = names.matcher(masked);
            return matcher.replaceAll(found -> Matcher.quoteReplacement(pseudonyms.get(found.group())));
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) return c;
        return null;
    }

    private static Type elementType(Type type) {
        if (type instanceof ParameterizedType p && raw(p) != null && Collection.class.isAssignableFrom(raw(p))) {
            return p.getActualTypeArguments()[0];
        }
        if (type instanceof Class<?> c && c.isArray()) return c.getComponentType();
        return null;
    }

    /** The records a field's type may hold: itself, or what its collection holds. */
    private static Set<Class<?>> elementTypes(Type type) {
        Type element = elementType(type);
        Class<?> raw = raw(element != null ? element : type);
        return raw == null ? Set.of() : Set.of(raw);
    }
}
