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
        forEachRecord(tree, value, (object, record) -> replaceMarked(object, record, mask));
        return tree;
    }

    /** The names of the parties a record names (a case's filing), each with its person pseudonym. */
    public Map<String, String> parties(Object value) {
        Map<String, String> names = new LinkedHashMap<>();
        forEachRecord(json.valueToTree(value), value, (object, record) -> {
            String name = marked(object, record, Kind.PERSON_NAME);
            String idNumber = marked(object, record, Kind.ID_NUMBER);
            if (name == null || idNumber == null) return;
            name = name.strip();
            if (name.codePointCount(0, name.length()) >= SHORTEST_NAME_LOOKED_FOR) {
                names.put(name, keys.pseudonym("person", idNumber));
            }
        });
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
                Class<?> held = raw(elementOrSelf(component.getGenericType()));
                holds |= component.isAnnotationPresent(Personal.class) || (held != null && holdsPersonalData(held));
            }
        }
        HOLDS_PERSONAL_DATA.put(type, holds);
        return holds;
    }

    public String actor(String username) {
        return username == null ? null : keys.pseudonym("staff", username);
    }

    /** What is done to each record in a tree. */
    private interface RecordVisitor {
        void visit(ObjectNode object, Class<?> record);
    }

    /**
     * Visits every record in {@code tree}, the JSON of {@code value}: the value itself, the records
     * its unmarked fields hold, and theirs; a list answered as it is, element by element.
     */
    private static void forEachRecord(JsonNode tree, Object value, RecordVisitor visitor) {
        if (value instanceof Collection<?> items && tree instanceof ArrayNode array) {
            int i = 0;
            for (Object item : items) {
                if (item != null) forEachRecord(array.get(i), item.getClass(), visitor);
                i++;
            }
        } else if (value != null) {
            forEachRecord(tree, value.getClass(), visitor);
        }
    }

    private static void forEachRecord(JsonNode node, Type type, RecordVisitor visitor) {
        if (node instanceof ArrayNode array) {
            Type element = elementType(type);
            if (element != null) array.forEach(item -> forEachRecord(item, element, visitor));
            return;
        }
        Class<?> raw = raw(type);
        if (!(node instanceof ObjectNode object) || raw == null || !raw.isRecord()) return;
        visitor.visit(object, raw);
        for (RecordComponent component : raw.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            if (!component.isAnnotationPresent(Personal.class) && value != null && !value.isNull()) {
                forEachRecord(value, component.getGenericType(), visitor);
            }
        }
    }

    /** The text of the record's first field marked {@code kind}, if it has one. */
    private static String marked(ObjectNode object, Class<?> record, Kind kind) {
        for (RecordComponent component : record.getRecordComponents()) {
            Personal mark = component.getAnnotation(Personal.class);
            JsonNode value = object.get(component.getName());
            if (mark != null && mark.value() == kind && value != null && value.isTextual()) return value.asText();
        }
        return null;
    }

    /** The record's marked fields in place: pseudonyms, masked text, or nothing. */
    private void replaceMarked(ObjectNode object, Class<?> record, TextMask mask) {
        String idNumber = marked(object, record, Kind.ID_NUMBER);
        String person = idNumber == null ? null : keys.pseudonym("person", idNumber);
        String staff = actor(marked(object, record, Kind.STAFF));
        for (RecordComponent component : record.getRecordComponents()) {
            Personal mark = component.getAnnotation(Personal.class);
            JsonNode value = object.get(component.getName());
            if (mark == null || value == null || value.isNull()) continue;
            if (value instanceof ArrayNode texts) {
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

    /** What a field of this type holds: its elements for a collection, else itself. */
    private static Type elementOrSelf(Type type) {
        Type element = elementType(type);
        return element != null ? element : type;
    }
}
