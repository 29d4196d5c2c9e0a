package org.weiquan.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine inside real Axon machinery: an {@link EmbeddedEventStore}, an event-sourced aggregate
 * loaded and changed through an {@link EventSourcingRepository} (with snapshots), and a
 * {@link TrackingEventProcessor} that catches up and then follows live.
 */
class AxonEndToEndTest {

    public record AccountOpened(String accountId, String owner) {
    }

    public record MoneyDeposited(String accountId, long amount) {
    }

    public record RatesChanged(String note) {
    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    public static class Account {
        @AggregateIdentifier
        private String id;
        private long balance;

        public Account() {
        }

        Account(String id, String owner) {
            AggregateLifecycle.apply(new AccountOpened(id, owner));
        }

        void deposit(long amount) {
            AggregateLifecycle.apply(new MoneyDeposited(id, amount));
        }

        long balance() {
            return balance;
        }

        @EventSourcingHandler
        void on(AccountOpened event) {
            this.id = event.accountId();
        }

        @EventSourcingHandler
        void on(MoneyDeposited event) {
            this.balance += event.amount();
        }
    }

    public static class Ledger {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventHandler
        public void on(AccountOpened event) {
            seen.add(event);
        }

        @EventHandler
        public void on(MoneyDeposited event) {
            seen.add(event);
        }

        @EventHandler
        public void on(RatesChanged event) {
            seen.add(event);
        }
    }

    private InProcessEventStoreDb server;
    private EventStoreDbStorageEngine engine;
    private EmbeddedEventStore eventStore;
    private EventSourcingRepository<Account> accounts;

    @BeforeEach
    void wire() {
        server = InProcessEventStoreDb.start();
        engine = EventStoreDbStorageEngine.builder().connectionString(server.connectionString()).build();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(new GenericAggregateFactory<>(Account.class))
                .build();
        accounts = EventSourcingRepository.builder(Account.class)
                .eventStore(eventStore)
                .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, 3))
                .build();
    }

    @AfterEach
    void unwire() {
        eventStore.shutDown();
        engine.close();
        server.close();
    }

    private void open(String id, String owner) throws Exception {
        DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> accounts.newInstance(() -> new Account(id, owner)));
    }

    private void deposit(String id, long amount) throws Exception {
        DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            accounts.load(id).execute(account -> account.deposit(amount));
            return null;
        });
    }

    private long balance(String id) throws Exception {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> accounts.load(id).invoke(Account::balance))
                .getPayload();
    }

    @Test
    void an_aggregate_is_saved_loaded_snapshotted_and_followed_and_replayed_by_a_tracking_processor() throws Exception {
        String id = UUID.randomUUID().toString();
        open(id, "Li");
        deposit(id, 100);
        deposit(id, 50);
        assertThat(balance(id)).isEqualTo(150);
        deposit(id, 25);
        deposit(id, 5);
        assertThat(engine.readSnapshot(id)).isPresent();
        assertThat(balance(id)).isEqualTo(180);
        assertThat(engine.lastSequenceNumberFor(id)).contains(4L);

        Ledger ledger = new Ledger();
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("ledger")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(ledger).build())
                .messageSource(eventStore)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS))
                .build();
        processor.start();
        try {
            // catches up with what is stored (snapshots are no events)
            awaitTrue(() -> ledger.seen.size() == 5);
            assertThat(ledger.seen).containsExactly(new AccountOpened(id, "Li"), new MoneyDeposited(id, 100),
                    new MoneyDeposited(id, 50), new MoneyDeposited(id, 25), new MoneyDeposited(id, 5));

            // then follows live: an aggregate's events and an event of no aggregate
            deposit(id, 7);
            eventStore.publish(GenericEventMessage.asEventMessage(new RatesChanged("new rates")));
            String other = UUID.randomUUID().toString();
            open(other, "Chen");
            awaitTrue(() -> ledger.seen.size() == 8);
            assertThat(ledger.seen.subList(5, 8)).containsExactly(new MoneyDeposited(id, 7),
                    new RatesChanged("new rates"), new AccountOpened(other, "Chen"));

            TrackingToken last = engine.createHeadToken();
            awaitTrue(() -> last.equals(tokens.fetchToken("ledger", 0)));

            // a replay from the tail delivers everything again, through Axon's ReplayToken
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            awaitTrue(() -> ledger.seen.size() == 16);
            assertThat(ledger.seen.subList(8, 16)).isEqualTo(ledger.seen.subList(0, 8));
        } finally {
            processor.shutDown();
        }
    }

    private static void awaitTrue(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).until(condition);
    }
}
