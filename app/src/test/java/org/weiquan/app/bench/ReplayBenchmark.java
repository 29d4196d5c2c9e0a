package org.weiquan.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeCategory;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeClosedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeFiledEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationSessionRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.PaymentRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.api.query.CaseHistoryQuery;
import org.weiquan.app.axon.AxonConfig;
import org.weiquan.app.axon.EventTypeRegistry;
import org.weiquan.app.dispute.DisputeKindSupport;
import org.weiquan.command.dispute.LabourDispute;
import org.weiquan.command.dispute.upcasting.MediatorAssignedUpcaster;
import org.weiquan.query.dispute.DisputeListProjection;
import org.weiquan.query.history.CaseHistoryProjection;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A load driver, not a test (surefire does not run it): full replay throughput of the dispute-list
 * projection against the raw sequential read rate of the same store, in the same run, and latency
 * of history, point in time and aggregate loading for one case with many events.
 * <p>
 * The store is the embedded profile's: an H2 file database with the application's Flyway schema.
 * Events are generated straight into {@code DomainEventEntry} with JDBC batch inserts, serialized by
 * the application's serializer, with the audit metadata the application writes. The processors are
 * built with Axon's configuration API from the same parts as the application's (JDBC storage engine
 * with the upcaster chain, JDBC token store, Spring transactions, the JDBC dead-letter queue, the
 * real {@link DisputeListProjection}), so that processor type, batch size, segments and dead-letter
 * queue can be varied one at a time.
 * <p>
 * Run: see {@code docs/benchmarks.md}. Arguments (all optional): events in the bulk (default
 * 1,000,000, in disputes of 10 events), events of the long case (default 10,000), the store: an H2
 * data directory (default {@code target/replay-bench}) or a PostgreSQL JDBC URL (kept, and reused
 * when it holds the same number of events),
 * replay variants (comma-separated names from {@link #VARIANTS}, default all).
 */
public final class ReplayBenchmark {
    static final String GROUP = DisputeListProjection.PROCESSING_GROUP;
    static final int EVENTS_PER_DISPUTE = 10;
    static final Instant START = Instant.parse("2026-01-05T01:00:00Z");

    /** A replay set-up: processor type, events per transaction, threads and segments, dead letters. */
    record Variant(String name, boolean pooled, int batchSize, int threads, boolean deadLetterQueue, String note) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("tracking-b1", false, 1, 1, true, "production default: tracking, batch 1, 1 segment, DLQ"),
            new Variant("tracking-b1-nodlq", false, 1, 1, false, "as the default, without dead-letter queue"),
            new Variant("tracking-b100", false, 100, 1, true, "tracking, batch 100, DLQ"),
            new Variant("tracking-b500", false, 500, 1, true, "tracking, batch 500, DLQ"),
            new Variant("tracking-b1000", false, 1000, 1, true, "tracking, batch 1000, DLQ"),
            new Variant("tracking-b2000", false, 2000, 1, true, "tracking, batch 2000, DLQ"),
            new Variant("tracking-b5000", false, 5000, 1, true, "tracking, batch 5000, DLQ"),
            new Variant("tracking-b1000-nodlq", false, 1000, 1, false, "tracking, batch 1000, no DLQ"),
            new Variant("tracking-b100-2seg", false, 100, 2, true, "tracking, batch 100, 2 threads/segments, DLQ"),
            new Variant("pooled-b100", true, 100, 1, true, "pooled streaming, batch 100, 1 segment, DLQ"),
            new Variant("pooled-b100-2seg", true, 100, 2, true, "pooled streaming, batch 100, 2 segments, DLQ"),
            new Variant("pooled-b500-2seg-nodlq", true, 500, 2, false, "pooled streaming, batch 500, 2 segments, no DLQ"));

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;

    /** @param store an H2 data directory, or the JDBC URL of a PostgreSQL database (user and password: weiquan) */
    private ReplayBenchmark(String store) throws Exception {
        HikariConfig config = new HikariConfig();
        boolean postgres = store.startsWith("jdbc:postgresql:");
        if (postgres) {
            config.setJdbcUrl(store);
            config.setPassword(System.getProperty("bench.password", "weiquan"));
        } else {
            Path directory = Files.createDirectories(Path.of(store));
            config.setJdbcUrl("jdbc:h2:file:" + directory.toAbsolutePath() + "/weiquan;DB_CLOSE_ON_EXIT=FALSE");
            config.setPassword("");
        }
        config.setUsername(System.getProperty("bench.user", "weiquan"));
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common",
                postgres ? "classpath:db/migration/postgresql" : "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        serializer = AxonConfig.jacksonSerializer(new EventTypeRegistry(LabourDisputeEvent.class, CaseLinkedEvent.class));
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        connections = new SpringDataSourceConnectionProvider(dataSource);
    }

    public static void main(String[] args) throws Exception {
        long bulk = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int longCase = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String store = args.length > 2 ? args[2] : "target/replay-bench";
        List<String> chosen = args.length > 3 ? Arrays.asList(args[3].split(",")) : null;
        ReplayBenchmark bench = new ReplayBenchmark(store);
        try {
            bench.run(bulk, longCase, chosen);
        } finally {
            bench.dataSource.close();
        }
    }

    private void run(long bulk, int longCase, List<String> chosen) throws Exception {
        String longCaseId = generateIfNeeded(bulk, longCase);
        long total = count();
        System.out.printf(Locale.ROOT, "store: %,d events (%,d disputes of %d, one case of %,d)%n", total,
                bulk / EVENTS_PER_DISPUTE, EVENTS_PER_DISPUTE, longCase);

        rawRead(); // warm-up
        double raw = rawRead();
        double engine = engineRead();
        double axon = axonStreamRead();
        System.out.printf(Locale.ROOT, "| raw sequential read (SELECT in globalIndex order + deserialize) | %,.0f |%n", raw);
        System.out.printf(Locale.ROOT, "| storage engine read (JdbcEventStorageEngine.readEvents from the tail, payload"
                + " deserialized) | %,.0f | %.0f %% of raw |%n", engine, 100 * engine / raw);
        System.out.printf(Locale.ROOT, "| Axon event stream (EmbeddedEventStore.openStream, payload deserialized) | %,.0f |%n", axon);

        for (Variant variant : VARIANTS) {
            if (chosen != null && !chosen.contains(variant.name())) continue;
            double rate = replay(variant, total);
            System.out.printf(Locale.ROOT, "| replay %s (%s) | %,.0f | %.0f %% of raw |%n", variant.name(), variant.note(),
                    rate, 100 * rate / raw);
        }
        caseLatencies(longCaseId);
    }

    // ---------------------------------------------------------------- generation

    private String generateIfNeeded(long bulk, int longCase) throws Exception {
        String longCaseId = new UUID(0x5eed, 1).toString();
        long expected = bulk / EVENTS_PER_DISPUTE * EVENTS_PER_DISPUTE + longCase;
        long existing = count();
        if (existing == expected) return longCaseId;
        if (existing != 0) throw new IllegalStateException("the data directory holds " + existing + " events, not "
                + expected + ": use another directory");
        long started = System.nanoTime();
        MetaData meta = MetaData.with(MetadataKeys.ACTOR, "officer.li").and(MetadataKeys.ACTOR_ROLE, "OFFICER")
                .and(MetadataKeys.ORGANISATION, "szftu/gusu").and(MetadataKeys.CLIENT_ADDRESS, "127.0.0.1")
                .and(MetadataKeys.CORRELATION_ID, "bench").and(MetadataKeys.CAUSATION_ID, "bench");
        byte[] metaBytes = serializer.serialize(meta, byte[].class).getData();
        int disputes = (int) (bulk / EVENTS_PER_DISPUTE);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry"
                    + " (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision,"
                    + " payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long written = 0;
                // Disputes advance side by side, a thousand at a time, as cases do in an office.
                int block = 1000;
                for (int first = 0; first < disputes; first += block) {
                    int last = Math.min(disputes, first + block);
                    for (int step = 0; step < EVENTS_PER_DISPUTE; step++) {
                        for (int d = first; d < last; d++) {
                            DisputeId id = new DisputeId(new UUID(0xd15, d));
                            Instant at = START.plusSeconds(written);
                            add(insert, id.toString(), step, eventOf(id, d, step), metaBytes, at);
                            if (++written % 1000 == 0) {
                                insert.executeBatch();
                                if (written % 20_000 == 0) connection.commit();
                            }
                        }
                    }
                }
                DisputeId longId = new DisputeId(UUID.fromString(longCaseId));
                for (int step = 0; step < longCase; step++) {
                    Object event = step < 3 ? eventOf(longId, disputes, step)
                            : new MediationSessionRecordedEvent(longId, step - 2, LocalDate.of(2026, 1, 6), "第" + (step - 2) + "次调解");
                    add(insert, longId.toString(), step, event, metaBytes, START.plusSeconds(written++));
                    if (written % 1000 == 0) insert.executeBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "generated %,d events in %.1f s (%,.0f events/s)%n", expected, seconds,
                expected / seconds);
        return longCaseId;
    }

    private void add(PreparedStatement insert, String aggregateId, long sequence, Object event, byte[] meta,
                     Instant at) throws Exception {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        insert.setString(1, aggregateId);
        insert.setLong(2, sequence);
        insert.setString(3, "LabourDispute");
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, meta);
        insert.setBytes(6, payload.getData());
        insert.setString(7, payload.getType().getRevision());
        insert.setString(8, payload.getType().getName());
        insert.setString(9, at.toString());
        insert.addBatch();
    }

    private static Object eventOf(DisputeId id, int number, int step) {
        LocalDate day = LocalDate.of(2026, 1, 5);
        return switch (step) {
            case 0 -> new DisputeFiledEvent(id, CaseNumber.of("LD", 2026, number % 999_999 + 1),
                    new OrganisationId("szftu/gusu"), District.values()[number % District.values().length],
                    DisputeCategory.values()[number % DisputeCategory.values().length],
                    List.of(new Worker("张小明" + number, String.format("32050219900101%04d", number % 10_000),
                            "139" + String.format("%08d", number))),
                    new Employer("苏州某电子有限公司" + number % 500, "91320508MA1N2B3C4X"), "三个月工资未发",
                    new BigDecimal("12000.00"), day, day.minusDays(30), new OfficerId("officer.li"), false, false,
                    day.plusDays(15));
            case 1 -> new DisputeAcceptedEvent(id, day.plusDays(1));
            case 2 -> new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null);
            case 3, 4, 5, 6 -> new MediationSessionRecordedEvent(id, step - 2, day.plusDays(step), "调解");
            case 7 -> new SettlementReachedEvent(id, new BigDecimal("10000.00"), day.plusDays(20), "一次付清");
            case 8 -> new PaymentRecordedEvent(id, new BigDecimal("10000.00"), day.plusDays(19),
                    new BigDecimal("10000.00"), true);
            default -> new DisputeClosedEvent(id, ClosureReason.RESOLVED, null);
        };
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? -1 : head;
    }

    // ---------------------------------------------------------------- reads

    /** Every event in global order, page by page, payload deserialized: what a replay must at least do. */
    private double rawRead() throws Exception {
        long started = System.nanoTime();
        long read = 0;
        long after = -1;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement page = connection.prepareStatement("SELECT globalIndex, payloadType, payloadRevision,"
                     + " payload FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT 1000")) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(4), byte[].class,
                                new SimpleSerializedType(rs.getString(2), rs.getString(3))));
                        if (payload == null) throw new IllegalStateException("no payload at " + after);
                        rows++;
                    }
                }
                read += rows;
                if (rows == 0) break;
            }
        }
        return read / ((System.nanoTime() - started) / 1e9);
    }

    /** Every event through the storage engine alone: its query, upcasting and message wrapping. */
    private double engineRead() {
        JdbcEventStorageEngine engine = engine(Integer.getInteger("bench.engineBatch", 100));
        long started = System.nanoTime();
        long[] read = {0};
        engine.readEvents(null, false).forEach(event -> {
            if (event.getPayload() == null) throw new IllegalStateException("no payload");
            read[0]++;
        });
        return read[0] / ((System.nanoTime() - started) / 1e9);
    }

    private double axonStreamRead() throws Exception {
        EmbeddedEventStore store = eventStore(engine(Integer.getInteger("bench.engineBatch", 100)));
        long head = head();
        long started = System.nanoTime();
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (true) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                event.getPayload();
                read++;
                if (event.trackingToken().position().orElse(-1) >= head) break;
            }
        } finally {
            store.shutDown();
        }
        return read / ((System.nanoTime() - started) / 1e9);
    }

    private JdbcEventStorageEngine engine(int batchSize) {
        return JdbcEventStorageEngine.builder().connectionProvider(connections).transactionManager(transactions)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(new MediatorAssignedUpcaster()))
                .batchSize(batchSize).build();
    }

    private static EmbeddedEventStore eventStore(JdbcEventStorageEngine engine) {
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    // ---------------------------------------------------------------- replay

    /** A full replay: empty read model and token, then every event through the projection. */
    private double replay(Variant variant, long total) throws Exception {
        jdbc.update("DELETE FROM dispute_list");
        jdbc.update("DELETE FROM TokenEntry WHERE processorName = ?", GROUP);
        jdbc.update("DELETE FROM DeadLetterEntry WHERE processingGroup = ?", GROUP);
        long head = head();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer).configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> engine(Math.max(100, variant.batchSize())));
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerTokenStore(GROUP, c -> JdbcTokenStore.builder().connectionProvider(connections)
                .serializer(serializer).build());
        processing.registerEventHandler(c -> new DisputeListProjection(jdbc));
        if (variant.deadLetterQueue()) {
            processing.registerDeadLetterQueue(GROUP, c -> JdbcSequencedDeadLetterQueue.builder().processingGroup(GROUP)
                    .connectionProvider(connections).transactionManager(transactions)
                    .schema(DeadLetterSchema.defaultSchema()).genericSerializer(serializer).eventSerializer(serializer)
                    .build());
            // as the application does (DeadLetterConfig): no dead-letter lookup per event
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(GROUP,
                    (c, builder) -> builder.enableSequenceIdentifierCache());
        }
        if (variant.pooled()) {
            processing.registerPooledStreamingEventProcessor(GROUP, Configuration::eventStore, (c, builder) -> builder
                    .batchSize(variant.batchSize()).initialSegmentCount(variant.threads())
                    .maxClaimedSegments(variant.threads()));
        } else {
            processing.registerTrackingEventProcessor(GROUP, Configuration::eventStore, c ->
                    TrackingEventProcessorConfiguration.forParallelProcessing(variant.threads())
                            .andInitialSegmentsCount(variant.threads()).andBatchSize(variant.batchSize()));
        }
        Configuration configuration = configurer.buildConfiguration();
        long started = System.nanoTime();
        configuration.start();
        try {
            StreamingEventProcessor processor = configuration.eventProcessingConfiguration()
                    .eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
            waitUntil(() -> caughtUp(processor, head, variant.threads()), 3_600);
            double seconds = (System.nanoTime() - started) / 1e9;
            Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM dispute_list", Long.class);
            System.out.printf(Locale.ROOT, "  %s: %,d events in %.1f s, %,d rows%n", variant.name(), total, seconds, rows);
            return total / seconds;
        } finally {
            configuration.shutdown();
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head, int segments) {
        var status = processor.processingStatus();
        if (status.size() < segments) return false;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) throw new IllegalStateException("processor failed", segment.getError());
            if (segment.getCurrentPosition().orElse(-1) < head) return false;
        }
        return true;
    }

    private static void waitUntil(Supplier<Boolean> condition, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("not done within " + maxSeconds + " s");
            Thread.sleep(20);
        }
    }

    // ---------------------------------------------------------------- one long case

    private void caseLatencies(String caseId) throws Exception {
        EmbeddedEventStore store = eventStore(engine(100));
        try {
            CaseHistoryProjection history = new CaseHistoryProjection(jdbc);
            // A snapshot left by an earlier run would stand in for the events when they are read.
            jdbc.update("DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", caseId);
            jdbc.update("DELETE FROM case_history WHERE case_id = ?", caseId);
            transactions.executeInTransaction(() -> store.readEvents(caseId).asStream()
                    .forEach(event -> history.on(event.getPayload(), event)));
            int events = history.handle(new CaseHistoryQuery(caseId)).size();
            DisputeKindSupport kind = new DisputeKindSupport();
            Instant now = Instant.now();

            if (events != longCase(caseId)) throw new IllegalStateException("history of " + events + " entries");
            report("history (audit trail query, " + events + " entries)",
                    time(() -> history.handle(new CaseHistoryQuery(caseId)).size()));
            report("history, first page of 500 entries",
                    time(() -> history.handle(new CaseHistoryQuery(caseId, -1, 500)).size()));
            report("as of now (events read and folded)", time(() -> {
                List<DomainEventMessage<?>> upTo = new ArrayList<>();
                store.readEvents(caseId, 0).asStream().takeWhile(e -> !e.getTimestamp().isAfter(now)).forEach(upTo::add);
                return kind.detailAfter(upTo);
            }));
            // Command handlers take the deadline manager and the policy: loading never calls them.
            ParameterResolverFactory unused = (executable, parameters, index) ->
                    parameters[index].getType() == DeadlineManager.class
                            || parameters[index].getType().getSimpleName().equals("DisputePolicy")
                            ? new FixedValueParameterResolver<>(null) : null;
            ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                    ClasspathParameterResolverFactory.forClass(LabourDispute.class), unused);
            EventSourcingRepository<LabourDispute> repository = EventSourcingRepository.builder(LabourDispute.class)
                    .eventStore(store).parameterResolverFactory(resolvers).build();
            report("aggregate load, no snapshot", time(() -> load(repository, caseId)));
            AggregateSnapshotter snapshotter = AggregateSnapshotter.builder().eventStore(store)
                    .aggregateFactories(new GenericAggregateFactory<>(
                            AnnotatedAggregateMetaModelFactory.inspectAggregate(LabourDispute.class, resolvers)))
                    .parameterResolverFactory(resolvers).transactionManager(transactions).build();
            snapshotter.scheduleSnapshot(LabourDispute.class, caseId);
            Long snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                    Long.class, caseId);
            if (snapshots == null || snapshots != 1) throw new IllegalStateException("no snapshot of " + caseId);
            report("aggregate load, from the snapshot", time(() -> load(repository, caseId)));
        } finally {
            store.shutDown();
        }
    }

    private long longCase(String caseId) {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, caseId);
        return events == null ? 0 : events;
    }

    private static Object load(EventSourcingRepository<LabourDispute> repository, String id) throws Exception {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> repository.load(id).version()).getPayload();
    }

    private interface Timed {
        Object run() throws Exception;
    }

    private static long[] time(Timed action) throws Exception {
        for (int i = 0; i < 30; i++) action.run(); // warm-up
        long[] samples = new long[200];
        for (int i = 0; i < samples.length; i++) {
            long started = System.nanoTime();
            action.run();
            samples[i] = System.nanoTime() - started;
        }
        Arrays.sort(samples);
        return samples;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
