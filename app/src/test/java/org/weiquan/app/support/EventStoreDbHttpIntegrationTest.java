package org.weiquan.app.support;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Base of HTTP tests of the production wiring (ADR 25): the whole application with its events in an
 * in-process EventStoreDB server of its own (the {@code eventstoredb} profile) and everything
 * relational where {@link HttpIntegrationTest} puts it (H2, or PostgreSQL with
 * {@code -Dweiquan.test.postgres}). The test reads the server's streams with a client of its own.
 */
@ActiveProfiles(resolver = EventStoreDbHttpIntegrationTest.EventStoreDbProfile.class)
public abstract class EventStoreDbHttpIntegrationTest extends HttpIntegrationTest {

    /** Adds {@code eventstoredb} to the stores' profiles (Spring merges it with the base class's). */
    public static class EventStoreDbProfile implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return new String[]{"eventstoredb"};
        }
    }

    @DynamicPropertySource
    static void inProcessEventStore(DynamicPropertyRegistry registry) {
        if (TestStores.onEventStoreDb()) return; // the base class has started one already
        TestStores.freshEventStore().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Value("${weiquan.eventstore.connection-string}")
    protected String eventStoreConnectionString;

    private KurrentDBClient client;

    /** A client of the test's own on the application's event store. */
    protected KurrentDBClient eventStoreClient() {
        if (client == null) client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(eventStoreConnectionString));
        return client;
    }

    /** Every event of a stream, oldest first; none if there is no such stream. */
    protected List<RecordedEvent> streamEvents(String stream) {
        try {
            return eventStoreClient().readStream(stream, ReadStreamOptions.get().forwards().fromStart())
                    .get(10, TimeUnit.SECONDS).getEvents().stream().map(ResolvedEvent::getOriginalEvent).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StreamNotFoundException) return List.of();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeClient() throws Exception {
        if (client != null) client.shutdown().get(5, TimeUnit.SECONDS);
        client = null;
    }
}
