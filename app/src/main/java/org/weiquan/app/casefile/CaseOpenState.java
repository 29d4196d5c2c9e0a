package org.weiquan.app.casefile;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseLifecycle;

/**
 * Whether each case is open, kept on the command side in its registry row: the duplicate check at
 * intake decides on it. It runs in a subscribing processor, so the row changes in the transaction of
 * the command whose event closes or reopens the case, never later; a failure fails that command
 * rather than leaving the row behind. It reads only what the events say ({@link CaseLifecycle}).
 */
@Component
@ProcessingGroup(CaseOpenState.PROCESSING_GROUP)
public class CaseOpenState {
    public static final String PROCESSING_GROUP = "case-open-state";

    private final JdbcTemplate jdbc;

    public CaseOpenState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseLifecycle.Closes event, DomainEventMessage<?> message) {
        record(message.getAggregateIdentifier(), false);
    }

    @EventHandler
    void on(CaseLifecycle.Reopens event, DomainEventMessage<?> message) {
        record(message.getAggregateIdentifier(), true);
    }

    private void record(String caseId, boolean open) {
        jdbc.update("UPDATE case_registry SET is_open = ? WHERE case_id = ?", open, caseId);
    }

    /** In the publishing transaction, with its errors propagated to the command. */
    @Bean
    static ConfigurerModule caseOpenStateProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
