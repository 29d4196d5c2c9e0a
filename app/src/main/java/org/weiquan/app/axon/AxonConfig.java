package org.weiquan.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.quartz.QuartzDeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.quartz.Scheduler;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.command.common.VersionCheckFirst;

import java.util.ArrayList;
import java.util.List;

/**
 * Axon wiring: Jackson everywhere with stable event names, audit metadata on every message, and
 * deadlines kept by Quartz in the database (they survive a restart), and a transition's version
 * check before its decision.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The events every case kind contributes, and the events all kinds share. */
    @Bean
    EventTypeRegistry eventTypeRegistry(List<CaseKindSupport> kinds) {
        List<Class<?>> types = new ArrayList<>(List.of(CaseLinkedEvent.class, DuplicateElsewhereFlaggedEvent.class));
        kinds.forEach(kind -> types.addAll(List.of(kind.eventTypes())));
        return new EventTypeRegistry(types.toArray(Class<?>[]::new));
    }

    @Bean
    @Primary
    Serializer serializer(EventTypeRegistry registry) {
        return jacksonSerializer(registry);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(EventTypeRegistry registry) {
        return jacksonSerializer(registry);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(EventTypeRegistry registry) {
        return jacksonSerializer(registry);
    }

    /** The serializer of events, snapshots, messages and tokens (ADR 5); public for the load drivers. */
    public static Serializer jacksonSerializer(EventTypeRegistry registry) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JacksonSerializer.Builder builder = JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(new AnnotationRevisionResolver());
        return new StableNameJacksonSerializer(builder, registry);
    }

    /** A stale If-Match is refused before the aggregate decides (ADR 28). */
    @Bean
    VersionCheckFirst versionCheckFirst() {
        return new VersionCheckFirst();
    }

    /** Replaces Axon's default MessageOriginProvider: we name correlation and causation ourselves. */
    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    /** Every command gets the audit metadata of the request that sent it. */
    @Bean
    ConfigurerModule auditMetadataOnCommands() {
        return configurer -> configurer.onInitialize(config -> config.onStart(
                () -> config.commandGateway().registerDispatchInterceptor(new AuditMetadataInterceptor())));
    }

    /**
     * Deadlines in Quartz's JDBC store. Its handler interceptor gives deadline-caused events the same
     * audit metadata as command-caused ones (actor "system", correlation and causation ids).
     */
    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                    Serializer serializer, TransactionManager transactionManager,
                                    List<CorrelationDataProvider> correlationDataProviders, JdbcTemplate jdbc) {
        QuartzDeadlineManager deadlines = QuartzDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .build();
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return new ScopeIndexedDeadlineManager(deadlines, scheduler, serializer, jdbc);
    }

    /**
     * Deadlines scheduled by an earlier build get their case recorded once all beans exist: before
     * the scheduler starts firing and before the web server takes a request.
     */
    @Bean
    SmartInitializingSingleton indexEarlierDeadlines(DeadlineManager deadlines) {
        return () -> {
            if (deadlines instanceof ScopeIndexedDeadlineManager indexed) indexed.indexUnindexedJobs();
        };
    }
}
