package org.weiquan.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' tracking processors handle up to {@code weiquan.processors.batch-size} events
 * per transaction (default 1000). A batch only fills when events wait: live, a processor still handles
 * each new event as it comes; in a replay or after downtime it takes them in batches, and the
 * projections write each case's row once per batch (BatchedViews). Measured in docs/benchmarks.md.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfig {

    @Bean
    ConfigurerModule processorBatchSize(@Value("${weiquan.processors.batch-size:1000}") int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("weiquan.processors.batch-size must be at least 1");
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
