package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.stereotype.Component;
import org.weiquan.app.casefile.PartyKeys;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces personal data in event data by stable pseudonyms, wherever it sits: a person (any object
 * with an {@code idNumber}) becomes {@code person-…} in place of name and ID number, and a phone
 * {@code phone-…}, and staff named in the data ({@code officerInCharge}, {@code mediator}, …) the
 * same {@code staff-…} as when they act. The same person is the same pseudonym in every event and
 * every export; the pseudonyms cannot be reversed without the personal-data key.
 */
@Component
public class Pseudonymiser {
    /** Fields that name a member of staff: pseudonymised like the acting user, so both match. */
    private static final Set<String> STAFF_FIELDS = Set.of("officerInCharge", "mediator", "previousMediator",
            "inspector", "lawyerId", "assignedTo", "handler");

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    /** Mainland mobile numbers, with or without +86, and landlines with an area code (0512-…). */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?![0-9A-Za-z])|(?<![0-9A-Za-z])0\\d{2,3}-\\d{7,8}(?![0-9A-Za-z])");

    private final PartyKeys keys;

    public Pseudonymiser(PartyKeys keys) {
        this.keys = keys;
    }

    public JsonNode pseudonymise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode idNumber = object.get("idNumber");
            if (idNumber != null && idNumber.isTextual()) {
                String person = keys.pseudonym("person", idNumber.asText());
                object.put("idNumber", person);
                if (object.has("name")) object.put("name", person);
            }
            JsonNode phone = object.get("phone");
            if (phone != null && phone.isTextual()) object.put("phone", keys.pseudonym("phone", phone.asText()));
            for (String field : STAFF_FIELDS) {
                JsonNode staff = object.get(field);
                if (staff != null && staff.isTextual()) object.put(field, actor(staff.asText()));
                // A staff member kept with their name ({"id":…,"name":…}): both become the pseudonym.
                if (staff instanceof ObjectNode named && named.path("id").isTextual()) {
                    String pseudonym = actor(named.get("id").asText());
                    named.put("id", pseudonym);
                    if (named.has("name")) named.put("name", pseudonym);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && !isIdentifier(field.getKey())) {
                    field.setValue(TextNode.valueOf(maskText(field.getValue().asText())));
                } else {
                    pseudonymise(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) array.set(i, TextNode.valueOf(maskText(array.get(i).asText())));
                else pseudonymise(array.get(i));
            }
        }
        return node;
    }

    /**
     * Free text as an officer typed it may hold an ID number or a phone number (a session summary,
     * a note): both are masked wherever they stand. Names in free text are not found this way.
     */
    static String maskText(String text) {
        return PHONE.matcher(ID_NUMBER.matcher(text).replaceAll("[身份证号]")).replaceAll("[电话]");
    }

    /** Ids, numbers and codes that name no person: left as they are. */
    private static boolean isIdentifier(String field) {
        return field.endsWith("Id") || field.equals("id") || field.equals("caseNumber") || field.endsWith("CaseNumber")
                || field.equals("creditCode") || field.equals("sha256");
    }

    public String actor(String username) {
        return username == null ? null : keys.pseudonym("staff", username);
    }
}
