package org.weiquan.app.storage;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weiquan.eventstore.EventStoreDbStorageEngine;

import java.time.Duration;

/**
 * Events in EventStoreDB / KurrentDB (ADR 16, ADR 25) instead of Axon's JDBC tables: with
 * {@code weiquan.eventstore.enabled=true} (the {@code eventstoredb} profile, part of
 * {@code production}) this engine is the application's only {@code EventStorageEngine}, so Axon's
 * JDBC engine is never created. It stores events with the same serializers and reads them through
 * the same upcaster chain and snapshot filter as the JDBC engine did; Axon's event store, snapshotter,
 * repositories and processors sit on it unchanged. Everything relational stays in the data source.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "weiquan.eventstore.enabled", havingValue = "true")
public class EventStoreDbConfig {

    /** Closed with the context (after Axon's processors have stopped): ends its subscription and its client. */
    @Bean(destroyMethod = "close")
    EventStoreDbStorageEngine eventStorageEngine(@Value("${weiquan.eventstore.connection-string}") String connectionString,
                                                 @Value("${weiquan.eventstore.operation-timeout:30s}") Duration operationTimeout,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration axon) {
        return EventStoreDbStorageEngine.builder()
                .connectionString(connectionString)
                .operationTimeout(operationTimeout)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .build();
    }

    @Bean
    EventStoreDbHealthIndicator eventStoreDbHealthIndicator(EventStoreDbStorageEngine engine,
                                                            @Value("${weiquan.eventstore.health-timeout:3s}") Duration timeout) {
        return new EventStoreDbHealthIndicator(engine, timeout);
    }
}
