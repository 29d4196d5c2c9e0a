package org.weiquan.app.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Several application instances on one event store and one database (ADR 25), switched on by
 * {@code weiquan.processors.segments} above 1 (the production profile sets it; the embedded default
 * keeps Axon's single segment and none of this is created):
 * <ul>
 * <li>every tracking processor gets that many segments, and as many threads, so that any one
 * instance can process them all when it is alone ({@link org.weiquan.app.axon.ProcessorConfig});</li>
 * <li>the token store names its claims after this instance ({@code weiquan.instance-id}, by default
 * Axon's own {@code pid@host}), so that the owner column tells instances apart;</li>
 * <li>the {@link SegmentBalancer} keeps each instance at its fair share of every processor's segments
 * (Axon 4 without Axon Server has no balancing of its own: the first instance would keep them all).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${weiquan.processors.segments:1} > 1")
public class ScaleOutConfig {

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                          @Value("${weiquan.instance-id:}") String instanceId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(instanceId(instanceId))
                .build();
    }

    @Bean
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore,
                                    TransactionManager transactions, JdbcTemplate jdbc,
                                    @Value("${weiquan.instance-id:}") String instanceId,
                                    @Value("${weiquan.processors.balance-interval:5s}") Duration interval,
                                    @Value("${weiquan.processors.token-claim-interval:5s}") Duration claimInterval) {
        return new SegmentBalancer(processing, tokenStore, transactions, new InstanceRegistry(jdbc, instanceId(instanceId),
                interval.multipliedBy(3)), interval, claimInterval);
    }

    /** The configured instance id, or the one Axon's token store would use by default. */
    static String instanceId(String configured) {
        return configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }
}
