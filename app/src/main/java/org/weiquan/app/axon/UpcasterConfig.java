package org.weiquan.app.axon;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.weiquan.command.dispute.upcasting.MediatorAssignedUpcaster;

/**
 * The event upcasters (ADR 24). Axon's Spring Boot configuration registers every bean of type
 * {@link EventUpcaster} in the upcaster chain of the event store, in {@link Order}: the chain runs
 * on every read of stored events, by aggregates being loaded and by processors (replays too).
 * Upcasters of one event type are ordered by the revision they read, oldest first, so that an event
 * of revision 1 passes 1 → 2 and then 2 → 3.
 */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfig {

    @Bean
    @Order(100)
    EventUpcaster mediatorAssignedRevision1To2() {
        return new MediatorAssignedUpcaster();
    }
}
