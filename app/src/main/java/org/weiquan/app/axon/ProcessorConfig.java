package org.weiquan.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How every tracking processor runs.
 * <ul>
 * <li>Up to {@code weiquan.processors.batch-size} events per transaction (default 5000). A batch only
 * fills when events wait: live, a processor still handles each new event as it comes; in a replay or
 * after downtime it takes them in batches, and the projections write each case's row once per batch
 * (ADR 27, measured in docs/benchmarks.md).</li>
 * <li>{@code weiquan.processors.segments} segments (default 1) and as many threads, so that one
 * instance alone can process them all; above 1, instances share them (ScaleOutConfig, ADR 25), and
 * an idle thread tries to claim a free segment every {@code weiquan.processors.token-claim-interval}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfig {

    @Bean
    ConfigurerModule trackingProcessors(@Value("${weiquan.processors.batch-size:5000}") int batchSize,
                                        @Value("${weiquan.processors.segments:1}") int segments,
                                        @Value("${weiquan.processors.token-claim-interval:5s}") Duration claimInterval) {
        if (batchSize < 1) throw new IllegalArgumentException("weiquan.processors.batch-size must be at least 1");
        if (segments < 1) throw new IllegalArgumentException("weiquan.processors.segments must be at least 1");
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(config -> {
            TrackingEventProcessorConfiguration processors = segments == 1
                    ? TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    : TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                    .andInitialSegmentsCount(segments)
                    .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS);
            return processors.andBatchSize(batchSize);
        });
    }
}
