package org.weiquan.app.axon;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.command.dispute.upcasting.MediatorAssignedUpcaster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code labour-dispute.mediator-assigned} revision 1, as it was stored, read through the upcaster and
 * the application's serializer: the same path the event store takes for aggregates and processors.
 */
class MediatorAssignedUpcasterTest {
    private static final DisputeId STORED_DISPUTE =
            new DisputeId(UUID.fromString("5b1f0c2e-8d4a-4c7e-9f3b-2a6d1e0c9b47"));
    private static final String TYPE = "labour-dispute.mediator-assigned";

    private final Serializer serializer =
            AxonConfig.jacksonSerializer(new EventTypeRegistry(LabourDisputeEvent.class));
    private final MediatorAssignedUpcaster upcaster = new MediatorAssignedUpcaster();

    @Test
    void a_stored_first_assignment_of_revision_1_reads_as_revision_2_with_the_name_unknown() throws IOException {
        IntermediateEventRepresentation upcast = only(upcaster.upcast(Stream.of(stored(
                fixture("mediator-assigned-revision-1.json"), TYPE, "1"))));

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(TYPE, "2"));
        JsonNode json = upcast.getData(JsonNode.class).getData();
        assertThat(json.path("mediator").path("id").asText()).isEqualTo("mediator.sun");
        assertThat(json.path("mediator").has("name")).isTrue();
        assertThat(json.path("mediator").path("name").isNull()).isTrue();
        assertThat(json.path("previousMediator").isNull()).isTrue();
        assertThat(deserialize(upcast)).isEqualTo(new MediatorAssignedEvent(STORED_DISPUTE,
                new Mediator(new OfficerId("mediator.sun"), null), null));
    }

    @Test
    void a_stored_replacement_of_revision_1_keeps_both_mediators() throws IOException {
        IntermediateEventRepresentation upcast = only(upcaster.upcast(Stream.of(stored(
                fixture("mediator-reassigned-revision-1.json"), TYPE, "1"))));

        assertThat(deserialize(upcast)).isEqualTo(new MediatorAssignedEvent(STORED_DISPUTE,
                new Mediator(new OfficerId("mediator.qian"), null), new Mediator(new OfficerId("mediator.sun"), null)));
    }

    @Test
    void the_envelope_of_the_stored_event_is_kept() throws IOException {
        IntermediateEventRepresentation upcast = only(upcaster.upcast(Stream.of(stored(
                fixture("mediator-assigned-revision-1.json"), TYPE, "1"))));

        assertThat(upcast.getAggregateIdentifier()).contains(STORED_DISPUTE.toString());
        assertThat(upcast.getSequenceNumber()).contains(2L);
        assertThat(upcast.getMessageIdentifier()).isEqualTo("stored-event-1");
        assertThat(upcast.getTimestamp()).isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
    }

    @Test
    void an_event_of_revision_2_passes_unchanged() {
        MediatorAssignedEvent current = new MediatorAssignedEvent(STORED_DISPUTE,
                new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null);
        SerializedObject<byte[]> written = serializer.serialize(current, byte[].class);
        assertThat(written.getType()).isEqualTo(new SimpleSerializedType(TYPE, "2"));

        IntermediateEventRepresentation read = only(upcaster.upcast(Stream.of(stored(written.getData(), TYPE, "2"))));

        assertThat(deserialize(read)).isEqualTo(current);
    }

    @Test
    void other_events_pass_unchanged() {
        DisputeAcceptedEvent accepted = new DisputeAcceptedEvent(STORED_DISPUTE, LocalDate.of(2026, 3, 3));
        SerializedObject<byte[]> written = serializer.serialize(accepted, byte[].class);

        IntermediateEventRepresentation read = only(upcaster.upcast(Stream.of(stored(written.getData(),
                written.getType().getName(), written.getType().getRevision()))));

        assertThat(read.getType()).isEqualTo(written.getType());
        assertThat(deserialize(read)).isEqualTo(accepted);
    }

    @Test
    void without_the_upcaster_the_stored_revision_1_does_not_read_as_the_current_event() throws IOException {
        // What the upcaster is for: the old shape does not fit the new record.
        InitialEventRepresentation raw = stored(fixture("mediator-assigned-revision-1.json"), TYPE, "1");

        assertThatThrownBy(() -> deserialize(raw)).isInstanceOf(Exception.class);
    }

    @Test
    void a_mediator_that_is_not_a_user_name_is_refused_rather_than_guessed() {
        byte[] odd = ("{\"disputeId\":\"" + STORED_DISPUTE + "\",\"mediator\":42,\"previousMediator\":null}")
                .getBytes(StandardCharsets.UTF_8);
        IntermediateEventRepresentation upcast = only(upcaster.upcast(Stream.of(stored(odd, TYPE, "1"))));

        assertThatThrownBy(() -> upcast.getData(JsonNode.class).getData())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
    }

    private InitialEventRepresentation stored(byte[] payload, String type, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("LabourDispute",
                STORED_DISPUTE.toString(), 2L, "stored-event-1", Instant.parse("2026-03-03T02:00:00Z"), type, revision,
                payload, "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    private Object deserialize(IntermediateEventRepresentation representation) {
        return serializer.deserialize(representation.getData());
    }

    private static IntermediateEventRepresentation only(Stream<IntermediateEventRepresentation> stream) {
        List<IntermediateEventRepresentation> all = stream.toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = MediatorAssignedUpcasterTest.class.getResourceAsStream("/upcasting/" + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            return in.readAllBytes();
        }
    }
}
