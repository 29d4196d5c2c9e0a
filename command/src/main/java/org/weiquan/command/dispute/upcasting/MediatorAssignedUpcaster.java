package org.weiquan.command.dispute.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code labour-dispute.mediator-assigned} revision 1 → 2. Revision 1 named the mediator and the
 * previous mediator by user name only:
 * <pre>{"disputeId":"…","mediator":"mediator.sun","previousMediator":null}</pre>
 * revision 2 keeps each as the roster had them, with their name:
 * <pre>{"disputeId":"…","mediator":{"id":"mediator.sun","name":null},"previousMediator":null}</pre>
 * The name of an old assignment is not known (the roster may have changed since), so it is null, never
 * guessed from today's roster. A missing or null mediator stays null. Stored events are never
 * rewritten: this runs each time a revision-1 event is read, by aggregates and processors alike.
 */
public class MediatorAssignedUpcaster extends SingleEventUpcaster {
    public static final String EVENT_TYPE = "labour-dispute.mediator-assigned";
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(EVENT_TYPE, "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(EVENT_TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, MediatorAssignedUpcaster::toRevision2);
    }

    /** The revision-2 payload of a revision-1 payload; the input is not changed. */
    public static JsonNode toRevision2(JsonNode revision1) {
        if (!(revision1 instanceof ObjectNode object)) {
            throw new IllegalArgumentException(EVENT_TYPE + " revision 1 must be a JSON object, was " + revision1);
        }
        ObjectNode event = object.deepCopy();
        event.set("mediator", mediator(event.get("mediator")));
        event.set("previousMediator", mediator(event.get("previousMediator")));
        return event;
    }

    private static JsonNode mediator(JsonNode userName) {
        if (userName == null || userName.isNull()) return JsonNodeFactory.instance.nullNode();
        if (!userName.isTextual()) {
            throw new IllegalArgumentException(EVENT_TYPE + " revision 1 names a mediator by user name, not " + userName);
        }
        ObjectNode mediator = JsonNodeFactory.instance.objectNode();
        mediator.put("id", userName.asText());
        mediator.putNull("name");
        return mediator;
    }
}
