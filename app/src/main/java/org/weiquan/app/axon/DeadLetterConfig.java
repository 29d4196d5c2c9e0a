package org.weiquan.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weiquan.app.casefile.CaseOpenState;

/**
 * Every projection gets a dead-letter queue in the database: an event its handler throws on is
 * parked (with every later event of the same case, so each case's order is kept) and the projection
 * goes on with the other cases instead of stopping or silently skipping it. Administrators list and
 * retry the parked events (ProjectionAdminController).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    @Bean
    ConfigurerModule deadLetterQueuesForEveryProjection(ConnectionProvider connections,
                                                        TransactionManager transactions,
                                                        Serializer serializer,
                                                        @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                // the case-open state is the command side's: its failures fail the command, nothing is parked
                configurer.eventProcessing().registerDeadLetterQueueProvider(group ->
                        CaseOpenState.PROCESSING_GROUP.equals(group) ? null : configuration ->
                                queue(group, connections, transactions, serializer, eventSerializer));
            }

            @Override
            public int order() {
                // after Axon's own property-driven provider, which would otherwise replace this one
                return Integer.MAX_VALUE;
            }
        };
    }

    /**
     * Without it, the dead-letter queue is asked for every event whether the event's case has
     * parked letters: one query per event, a tenth of a replay's time. With the cache, Axon asks the
     * database only for cases that may have letters (none, when the queue was empty at the start).
     */
    @Bean
    ConfigurerModule deadLetterLookupsCached(ApplicationContext context) {
        return configurer -> {
            for (String bean : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                ProcessingGroup group = context.findAnnotationOnBean(bean, ProcessingGroup.class);
                if (group == null) continue;
                configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group.value(),
                        (configuration, builder) -> builder.enableSequenceIdentifierCache());
            }
        };
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, ConnectionProvider connections,
                                                                  TransactionManager transactions,
                                                                  Serializer serializer, Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }
}
