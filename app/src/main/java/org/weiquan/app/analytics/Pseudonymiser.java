package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.weiquan.app.casefile.PartyKeys;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

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
                pseudonymise(fields.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::pseudonymise);
        }
        return node;
    }

    public String actor(String username) {
        return username == null ? null : keys.pseudonym("staff", username);
    }
}
