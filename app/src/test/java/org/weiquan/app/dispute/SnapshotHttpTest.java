package org.weiquan.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.command.dispute.LabourDispute;

import java.lang.reflect.Constructor;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;

/**
 * A dispute with a long history is snapshotted by policy; loading starts from the snapshot, and the
 * snapshot is exactly the state the events give.
 */
@TestPropertySource(properties = "weiquan.snapshots.event-threshold=3")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // a configuration of its own
class SnapshotHttpTest extends HttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStore eventStore;
    @Autowired
    Serializer serializer;
    @Autowired
    ParameterResolverFactory parameterResolvers;

    @Test
    void loading_starts_from_the_snapshot_and_the_snapshot_equals_the_state_rebuilt_from_every_event() throws Exception {
        String id = file(Disputes.filing()).path("disputeId").asText();
        long version = post(id, "acceptance", 0, Disputes.acceptance());
        version = post(id, "mediator", version, Disputes.mediator("mediator.sun"));
        for (int session = 0; session < 4; session++) {
            version = post(id, "mediation-sessions", version, session());
        }

        long snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id);
        assertThat(snapshots).isPositive();
        DomainEventMessage<?> first = eventStore.readEvents(id).asStream().findFirst().orElseThrow();
        assertThat(first.getPayload()).as("loading starts from the snapshot").isInstanceOf(LabourDispute.class);
        long snapshotSequence = first.getSequenceNumber();
        assertThat(snapshotSequence).isBetween(3L, version);

        LabourDispute rebuilt = rebuild(id, snapshotSequence);
        JsonNode snapshotState = state(first.getPayload());
        assertThat(snapshotState).isEqualTo(state(rebuilt));
        assertThat(snapshotState.path("status").asText()).isEqualTo("MEDIATING");
        assertThat(snapshotState.path("mediator").path("id").asText()).isEqualTo("mediator.sun");
        assertThat(snapshotState.path("mediator").path("name").asText()).isEqualTo("孙调解员");
        assertThat(snapshotState.path("mediationSessions").asLong()).isEqualTo(snapshotSequence - 2);
        assertThat(snapshotState.path("disputeId").asText()).isEqualTo(id);

        // The loaded (snapshot + later events) state decides correctly: the next session is number 5.
        post(id, "mediation-sessions", version, session());
        JsonNode history = awaitHistory(id, (int) version + 2);
        assertThat(history.get((int) version + 1).path("data").path("sessionNumber").asInt()).isEqualTo(5);
    }

    @Test
    void a_snapshot_of_an_earlier_shape_is_ignored_and_the_dispute_loads_from_its_events() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        long version = post(id, "acceptance", 0, Disputes.acceptance());
        version = post(id, "mediator", version, Disputes.mediator("mediator.sun"));
        version = post(id, "mediation-sessions", version, session());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id)).isPositive();
        // As an earlier release wrote it: no revision, the mediator a bare user name.
        byte[] current = jdbc.queryForObject("SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, id);
        String earlier = new String(current, java.nio.charset.StandardCharsets.UTF_8)
                .replace("{\"id\":\"mediator.sun\",\"name\":\"孙调解员\"}", "\"mediator.sun\"");
        assertThat(earlier).contains("\"mediator\":\"mediator.sun\"");
        jdbc.update("UPDATE SnapshotEventEntry SET payloadRevision = NULL, payload = ? WHERE aggregateIdentifier = ?",
                earlier.getBytes(java.nio.charset.StandardCharsets.UTF_8), id);

        DomainEventMessage<?> first = eventStore.readEvents(id).asStream().findFirst().orElseThrow();

        assertThat(first.getSequenceNumber()).as("loading starts from the first event").isZero();
        assertThat(post(id, "mediation-sessions", version, session())).isEqualTo(version + 1);
    }

    private LabourDispute rebuild(String id, long upToSequence) throws Exception {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id, 0).asStream()
                .filter(e -> e.getSequenceNumber() <= upToSequence).toList();
        Constructor<LabourDispute> constructor = LabourDispute.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        EventSourcedAggregate<LabourDispute> aggregate = EventSourcedAggregate.initialize(constructor.newInstance(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(LabourDispute.class, parameterResolvers),
                SimpleEventBus.builder().build(), org.axonframework.eventsourcing.NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events.stream()));
        return aggregate.getAggregateRoot();
    }

    private JsonNode state(Object aggregate) throws Exception {
        return JSON.readTree(serializer.serialize(aggregate, String.class).getData());
    }

    private long post(String id, String transition, long ifMatch, Object body) {
        var response = api.as(OFFICER_LI).ifMatch(ifMatch).post(Disputes.path(id, transition), body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().path("version").asLong();
    }

    private static Object session() {
        return JSON.createObjectNode().put("heldOn", Disputes.daysAgo(5).toString()).put("summary", "双方陈述意见");
    }
}
