package org.weiquan.app.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.app.NoPhoningHome;
import org.weiquan.app.WeiquanApplication;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;
import org.weiquan.app.support.TestStores;
import org.weiquan.eventstore.EventStoreDbStorageEngine;
import org.weiquan.eventstore.JdbcEventLogCopy;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Disputes.path;

/**
 * Moving up: the log of an embedded application (written by the application itself, plus a
 * {@code mediator-assigned} of revision 1 as an earlier release stored it) copied into an
 * EventStoreDB by the command an operator runs, then read back, resumed, refused, and used by the
 * application on EventStoreDB. The source is always the embedded H2 store; the production database
 * is H2 too by default and a real PostgreSQL when the suite runs there, as operators move.
 */
@ExtendWith(OutputCaptureExtension.class)
class MoveUpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The embedded store's data directory: always H2, whichever database the suite runs on. */
    private static Map<String, String> source;
    private static Serializer serializer;
    private static EventUpcaster upcasters;
    private static String disputeWithOldAssignment;
    private static String lateDispute;
    private static long sourceEvents;
    private static long sourceDeadlines;

    private InProcessEventStoreDb server;

    static {
        NoPhoningHome.apply();
    }

    /** Cases of three kinds' worth of events, interleaved, written by the embedded application. */
    @BeforeAll
    static void anEmbeddedApplicationsLog() throws IOException {
        source = Map.of("weiquan.data-dir", org.weiquan.app.support.TestDataDirectories.fresh("move-up-source").toString());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WeiquanApplication.class)
                .run("--weiquan.data-dir=" + source.get("weiquan.data-dir"), "--server.port=0")) {
            ApiClient api = new ApiClient(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            disputeWithOldAssignment = filed(api, Disputes.filing());
            String collective = filed(api, Disputes.filing(10));
            ok(api.as(OFFICER_LI).ifMatch(0).post(path(disputeWithOldAssignment, "acceptance"), Disputes.acceptance()));
            ApiResponse hazard = api.as(OFFICER_LI).post(Hazards.PATH, Hazards.report());
            assertThat(hazard.status()).as("%s", hazard).isEqualTo(201);
            ok(api.as(OFFICER_LI).ifMatch(1).post(path(collective, "acceptance"), Disputes.acceptance()));
            storeRevisionOneAssignment(jdbc, disputeWithOldAssignment, 2);
            ok(api.as(OFFICER_LI).ifMatch(2).post(path(collective, "mediator"), Disputes.mediator("mediator.qian")));
            lateDispute = filed(api, Disputes.filing());
            ok(api.as(OFFICER_LI).ifMatch(0).post(path(lateDispute, "acceptance"), Disputes.acceptance()));

            serializer = app.getBean("eventSerializer", Serializer.class);
            upcasters = app.getBean(org.axonframework.config.Configuration.class).upcasterChain();
            sourceEvents = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
            sourceDeadlines = jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", Long.class);
        }
        assertThat(sourceEvents).as("enough events for several batches").isGreaterThanOrEqualTo(10);
        assertThat(sourceDeadlines).as("pending deadlines to move").isPositive();
    }

    @BeforeEach
    void anEmptyEventStoreDb() {
        server = InProcessEventStoreDb.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_event_reads_back_through_the_engine_as_it_was_in_the_embedded_log_and_in_the_same_order(CapturedOutput output)
            throws Exception {
        assertThat(moveUp("--weiquan.migrate.batch-size=4")).as(output.getAll()).isEqualTo(0);

        List<TrackedEventMessage<?>> expected = jdbcEvents();
        List<TrackedEventMessage<?>> actual = eventStoreDbEvents();
        assertThat(actual).hasSize((int) sourceEvents).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            TrackedEventMessage<?> e = expected.get(i);
            TrackedEventMessage<?> a = actual.get(i);
            assertThat(a.getIdentifier()).as("event %d", i).isEqualTo(e.getIdentifier());
            assertThat(a.getTimestamp()).as("timestamp of %s", e.getIdentifier()).isEqualTo(e.getTimestamp());
            assertThat(a.getPayloadType()).isEqualTo(e.getPayloadType());
            assertThat(a.getPayload()).as("payload of %s", e.getIdentifier()).isEqualTo(e.getPayload());
            assertThat(a.getMetaData()).as("meta data of %s", e.getIdentifier()).isEqualTo(e.getMetaData()).isNotEmpty();
            DomainEventMessage<?> ed = (DomainEventMessage<?>) e;
            DomainEventMessage<?> ad = (DomainEventMessage<?>) a;
            assertThat(ad.getAggregateIdentifier()).isEqualTo(ed.getAggregateIdentifier());
            assertThat(ad.getType()).isEqualTo(ed.getType()).isNotBlank();
            assertThat(ad.getSequenceNumber()).isEqualTo(ed.getSequenceNumber());
        }

        // The old event keeps its stored revision and bytes; the upcaster reads it as revision 2.
        RecordedEvent stored = streamEvent("aggregate-" + disputeWithOldAssignment, 2);
        assertThat(stored.getEventType()).isEqualTo("labour-dispute.mediator-assigned");
        assertThat(JSON.readTree(stored.getUserMetadata()).path("payloadRevision").asText()).isEqualTo("1");
        assertThat(stored.getEventData()).isEqualTo(sourceRow(disputeWithOldAssignment, 2));
        MediatorAssignedEvent upcast = (MediatorAssignedEvent) actual.stream()
                .filter(m -> m.getPayload() instanceof MediatorAssignedEvent assigned
                        && assigned.disputeId().toString().equals(disputeWithOldAssignment))
                .findFirst().orElseThrow().getPayload();
        assertThat(upcast.mediator().id().value()).isEqualTo("mediator.sun");
        assertThat(upcast.mediator().name()).isNull();

        assertThat(output.getOut()).contains("events/s").contains("Verified");
    }

    @Test
    void an_interrupted_copy_run_again_goes_on_where_it_stopped_and_copies_nothing_twice(CapturedOutput output) {
        assertThat(moveUp("--weiquan.migrate.batch-size=4", "--weiquan.migrate.max-batches=1")).isEqualTo(3);
        assertThat(eventStoreDbEvents()).hasSize(4);
        // a different batch size on the next run: it still starts right after the last copied event
        assertThat(moveUp("--weiquan.migrate.batch-size=3", "--weiquan.migrate.max-batches=1")).isEqualTo(3);
        assertThat(eventStoreDbEvents()).hasSize(7);
        assertThat(output.getOut()).contains("Run the same command again");

        assertThat(moveUp("--weiquan.migrate.batch-size=3")).as(output.getAll()).isEqualTo(0);
        assertThat(moveUp()).as("a run on a complete copy copies nothing and verifies").isEqualTo(0);

        List<String> identifiers = eventStoreDbEvents().stream().map(TrackedEventMessage::getIdentifier).toList();
        assertThat(identifiers).hasSize((int) sourceEvents).doesNotHaveDuplicates()
                .isEqualTo(jdbcEvents().stream().map(TrackedEventMessage::getIdentifier).toList());
    }

    @Test
    void an_eventstoredb_that_already_holds_other_events_is_refused_and_left_as_it_was(CapturedOutput output) {
        try (EventStoreDbStorageEngine other = engine()) {
            other.appendEvents(new GenericDomainEventMessage<>("LabourDispute", disputeWithOldAssignment, 0, "someone else's"));
        }

        assertThat(moveUp()).isEqualTo(2);

        assertThat(output.getErr()).contains("Moving up refused").contains("not in the source")
                .contains("aggregate-" + disputeWithOldAssignment);
        assertThat(eventStoreDbEvents()).hasSize(1);
    }

    @Test
    void a_stream_that_someone_else_writes_during_the_copy_stops_it_with_a_conflict_and_fails_verification() {
        try (EventStoreDbStorageEngine target = engine()) {
            JdbcEventLogCopy copy = JdbcEventLogCopy.of(sourceDataSource(), target, 3);
            JdbcEventLogCopy.Progress someoneElseWrites = (copied, total, thisRun, elapsed) -> {
                if (copied == 3) {
                    target.appendEvents(new GenericDomainEventMessage<>("LabourDispute", lateDispute, 0, "too early"));
                }
            };

            assertThatThrownBy(() -> copy.copy(0, someoneElseWrites))
                    .isInstanceOf(JdbcEventLogCopy.TargetConflictException.class)
                    .hasMessageContaining("aggregate " + lateDispute).hasMessageContaining("did not write");

            JdbcEventLogCopy.Verification verification = copy.verify();
            assertThat(verification.passed()).isFalse();
            assertThat(verification.targetEvents()).isLessThan(verification.sourceEvents());
            assertThat(verification.differences()).isNotEmpty();
        }
    }

    @Test
    void after_moving_up_the_application_on_eventstoredb_and_the_new_database_goes_on_with_the_moved_cases(
            CapturedOutput output) {
        Map<String, String> production = TestStores.fresh("move-up-target");
        assertThat(moveUp(toDatabase(production))).as(output.getAll()).isEqualTo(0);
        assertThat(output.getOut()).contains("Copied the write-side tables").contains("case_registry");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WeiquanApplication.class, MovedUpEventStore.class)
                .run(TestStores.arguments(production, "--server.port=0", "--weiquan.test.eventstore=" + server.connectionString()))) {
            ApiClient api = new ApiClient(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", Long.class))
                    .as("the pending deadlines moved with the cases").isEqualTo(sourceDeadlines);
            // The case is known (registry moved) and its aggregate loads from EventStoreDB, its revision-1
            // assignment upcast: only a dispute in mediation records a session. The event lands at revision 3.
            ApiResponse session = api.as(OFFICER_LI).ifMatch(2).post(path(disputeWithOldAssignment, "mediation-sessions"),
                    Disputes.session(1, "第一次调解（迁移后）"));
            assertThat(session.status()).as("%s", session).isEqualTo(200);
            assertThat(session.etagVersion()).isEqualTo(3);
            assertThat(streamEvent("aggregate-" + disputeWithOldAssignment, 3).getEventType())
                    .isEqualTo("labour-dispute.mediation-session-recorded");

            // Numbering goes on from the moved counter: three disputes were filed before the move.
            ApiResponse next = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing());
            assertThat(next.status()).as("%s", next).isEqualTo(201);
            assertThat(next.json().path("caseNumber").asText()).endsWith("-000004");

            // The read side, empty in the new database, is rebuilt from EventStoreDB.
            ApiResponse detail = await("dispute detail rebuilt from EventStoreDB").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> api.as(OFFICER_LI).get(path(disputeWithOldAssignment)),
                            r -> r.status() == 200 && r.json().path("version").asLong() == 3);
            assertThat(detail.json().path("status").asText()).isEqualTo("MEDIATING");
            assertThat(detail.json().path("mediator").asText()).isEqualTo("mediator.sun");
        }
    }

    @Test
    void the_write_side_tables_are_copied_once_and_a_database_already_in_use_is_refused(CapturedOutput output) {
        Map<String, String> production = TestStores.fresh("move-up-tables");
        assertThat(moveUp(toDatabase(production))).isEqualTo(0);
        assertThat(moveUp(toDatabase(production))).as("a second run copies nothing twice").isEqualTo(0);
        assertThat(output.getOut()).contains("copied by an earlier run");
        JdbcTemplate target = new JdbcTemplate(dataSource(production));
        assertThat(target.queryForObject("SELECT COUNT(*) FROM case_registry", Long.class)).isEqualTo(4);
        assertThat(target.queryForList("SELECT case_number FROM case_registry ORDER BY case_number", String.class))
                .isEqualTo(new JdbcTemplate(sourceDataSource())
                        .queryForList("SELECT case_number FROM case_registry ORDER BY case_number", String.class));

        Map<String, String> used = TestStores.fresh("move-up-used");
        assertThat(moveUp(toDatabase(used))).isEqualTo(0); // the schema and a first copy
        new JdbcTemplate(dataSource(used)).update("UPDATE case_number_counter SET last_used = last_used + 1");
        new JdbcTemplate(dataSource(used)).update("INSERT INTO case_party (case_id, kind, party_key) VALUES (?, ?, ?)",
                UUID.randomUUID().toString(), "LABOUR_DISPUTE", "someone-else");
        server.close();
        server = InProcessEventStoreDb.start();

        assertThat(moveUp(toDatabase(used))).isEqualTo(2);
        assertThat(output.getErr()).contains("already holds write-side rows").contains("case_party (")
                .doesNotContain("case_registry (");
    }

    @Test
    void a_data_directory_without_an_embedded_database_is_named_and_left_empty(CapturedOutput output) throws IOException {
        java.nio.file.Path empty = org.weiquan.app.support.TestDataDirectories.fresh("move-up-empty");

        int exit = MoveUpCommand.run("--weiquan.data-dir=" + empty, "--weiquan.migrate.to-eventstore=" + server.connectionString());

        assertThat(exit).isEqualTo(2);
        assertThat(output.getErr()).contains("There is no embedded database at").contains("--weiquan.data-dir");
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(empty)) {
            assertThat(files).as("no database was created in the wrong place").isEmpty();
        }
    }

    @Test
    void a_connection_string_that_is_not_one_is_a_usage_error(CapturedOutput output) {
        assertThat(MoveUpCommand.run("--weiquan.data-dir=" + source.get("weiquan.data-dir"),
                "--weiquan.migrate.to-eventstore=http://nowhere")).isEqualTo(64);
        assertThat(output.getErr()).contains("Not an EventStoreDB connection string");
    }

    // ================================================================ helpers

    /** The arguments that name {@code store} as the production relational database. */
    private static String[] toDatabase(Map<String, String> store) {
        return new String[] {"--weiquan.migrate.to-database=" + url(store),
                "--weiquan.migrate.to-database-user=" + store.getOrDefault("spring.datasource.username", "weiquan"),
                "--weiquan.migrate.to-database-password=" + store.getOrDefault("spring.datasource.password", "")};
    }

    private static String url(Map<String, String> store) {
        return store.getOrDefault("spring.datasource.url",
                "jdbc:h2:file:" + store.get("weiquan.data-dir") + "/weiquan;DB_CLOSE_ON_EXIT=FALSE");
    }

    private static DataSource dataSource(Map<String, String> store) {
        return new DriverManagerDataSource(url(store), store.getOrDefault("spring.datasource.username", "weiquan"),
                store.getOrDefault("spring.datasource.password", ""));
    }

    private int moveUp(String... more) {
        String[] arguments = new String[more.length + 2];
        arguments[0] = "--weiquan.data-dir=" + source.get("weiquan.data-dir");
        arguments[1] = "--weiquan.migrate.to-eventstore=" + server.connectionString();
        System.arraycopy(more, 0, arguments, 2, more.length);
        return MoveUpCommand.run(arguments);
    }

    private EventStoreDbStorageEngine engine() {
        return EventStoreDbStorageEngine.builder().connectionString(server.connectionString())
                .eventSerializer(serializer).snapshotSerializer(serializer).upcasterChain(upcasters).build();
    }

    private List<TrackedEventMessage<?>> eventStoreDbEvents() {
        try (EventStoreDbStorageEngine engine = engine();
             Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(engine.createTailToken(), false)) {
            return new ArrayList<>(events.toList());
        }
    }

    private static List<TrackedEventMessage<?>> jdbcEvents() {
        JdbcEventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .connectionProvider(sourceDataSource()::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer).upcasterChain(upcasters)
                .build();
        try (Stream<? extends TrackedEventMessage<?>> events = jdbc.readEvents(null, false)) {
            return new ArrayList<>(events.toList());
        }
    }

    private RecordedEvent streamEvent(String stream, long revision) {
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(server.connectionString()));
        try {
            return client.readStream(stream, ReadStreamOptions.get().fromRevision(revision).maxCount(1)).get()
                    .getEvents().get(0).getOriginalEvent();
        } catch (Exception e) {
            throw new AssertionError("cannot read " + revision + "@" + stream, e);
        } finally {
            client.shutdown();
        }
    }

    private static DataSource sourceDataSource() {
        return dataSource(source);
    }

    private static byte[] sourceRow(String aggregate, long sequence) {
        return new JdbcTemplate(sourceDataSource()).queryForObject("SELECT payload FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?", byte[].class, aggregate, sequence);
    }

    private static String filed(ApiClient api, Object body) {
        ApiResponse response = api.as(OFFICER_LI).post(Disputes.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("disputeId").asText();
    }

    private static void ok(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    /** As an earlier release stored it: same columns, the previous event's metadata (StoredRevisionOneHttpTest). */
    private static void storeRevisionOneAssignment(JdbcTemplate jdbc, String disputeId, long sequence) throws IOException {
        Map<String, Object> previous = jdbc.queryForMap("SELECT type, metaData FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?", disputeId, sequence - 1);
        String stored;
        try (InputStream in = MoveUpTest.class.getResourceAsStream("/upcasting/mediator-assigned-revision-1.json")) {
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("5b1f0c2e-8d4a-4c7e-9f3b-2a6d1e0c9b47", disputeId);
        }
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                        + " metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                disputeId, sequence, previous.get("TYPE"), UUID.randomUUID().toString(), previous.get("METADATA"),
                stored.getBytes(StandardCharsets.UTF_8), "1", "labour-dispute.mediator-assigned",
                // to the millisecond, as Axon's JDBC engine writes it
                DateTimeUtils.formatInstant(Instant.now()));
    }
}
