package org.weiquan.app.migration;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.weiquan.eventstore.EventStoreDbStorageEngine;

/**
 * Test wiring: the application with its events in EventStoreDB (the engine on the connection string
 * {@code weiquan.test.eventstore}) instead of the JDBC tables, everything else unchanged. Axon's
 * JDBC engine steps back when an engine bean is present. Not a @Configuration, so that the
 * application's component scan never picks it up in other tests.
 */
public class MovedUpEventStore {

    @Bean
    EventStorageEngine eventStorageEngine(@Value("${weiquan.test.eventstore}") String connectionString,
                                          Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration) {
        return EventStoreDbStorageEngine.builder()
                .connectionString(connectionString)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .build();
    }
}
