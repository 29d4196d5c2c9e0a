package org.weiquan.app.support;

import io.kurrent.dbclient.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * Base of HTTP tests of the production wiring (ADR 25): the whole application with its events in an
 * in-process EventStoreDB server of its own (the {@code eventstoredb} profile) and everything
 * relational where {@link HttpIntegrationTest} puts it (H2, or PostgreSQL with
 * {@code -Dweiquan.test.postgres}). The test reads the server's streams with a client of its own
 * ({@link EventStoreReader}).
 */
@ActiveProfiles(resolver = EventStoreDbHttpIntegrationTest.EventStoreDbProfile.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // a configuration of its own
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

    private EventStoreReader reader;

    /** Every event of a stream as the server stores it, oldest first; none if there is no such stream. */
    protected List<RecordedEvent> streamEvents(String stream) {
        if (reader == null) reader = new EventStoreReader(eventStoreConnectionString);
        return reader.events(stream);
    }

    @AfterEach
    void closeReader() {
        if (reader != null) reader.close();
        reader = null;
    }
}
