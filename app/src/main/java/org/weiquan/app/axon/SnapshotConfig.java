package org.weiquan.app.axon;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots by policy: after every {@code weiquan.snapshots.event-threshold} events loaded and
 * applied, the aggregate's state is stored as a snapshot, and loading starts from the newest one.
 * The events stay the record; a snapshot is only a cache of their fold and may be deleted at will.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfig {

    @Bean
    SnapshotTriggerDefinition caseSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${weiquan.snapshots.event-threshold:100}") int threshold) {
        if (threshold < 2) throw new IllegalArgumentException("weiquan.snapshots.event-threshold must be at least 2");
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
