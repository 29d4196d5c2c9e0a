package org.weiquan.app.petition;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;
import org.weiquan.command.petition.EarlierPetitions;
import org.weiquan.command.petition.PetitionPolicy;

/** The petition policy from configuration. */
@Configuration(proxyBeanMethods = false)
public class PetitionConfig {
    static final String RETIRED_THRESHOLD = "weiquan.petition.collective-visit-threshold";


    @Bean
    PetitionPolicy petitionPolicy(PetitionPolicyProperties properties, DeadlineCalculator calculator,
                                  Environment environment) {
        // the old setting meant "more than N": its value now says something else, so it is not read silently
        if (environment.containsProperty(RETIRED_THRESHOLD)) {
            throw new IllegalStateException(RETIRED_THRESHOLD + " is retired: a collective visit is now one of at least "
                    + "weiquan.petition.collective-visit-minimum visitors (default 5). A threshold of N meant more than N:"
                    + " set collective-visit-minimum to N + 1 to keep it, or to 5 for 《信访工作条例》's 5人以上 (ADR 40)");
        }
        return new PetitionPolicy(LegalPeriod.parse(properties.assignment()),
                LegalPeriod.parse(properties.acceptanceNotice()), LegalPeriod.parse(properties.competenceObjection()),
                LegalPeriod.parse(properties.reply()), properties.maxReplyExtensionDays(),
                LegalPeriod.parse(properties.reviewRequest()), LegalPeriod.parse(properties.reviewAnswer()),
                LegalPeriod.parse(properties.reexaminationRequest()),
                LegalPeriod.parse(properties.reexaminationAnswer()), properties.collectiveVisitMinimum(), calculator);
    }

    /** What a petition reads of an earlier one: its own events (§36). */
    @Bean
    EarlierPetitions earlierPetitions(EventStore events) {
        return EarlierPetitions.from(events);
    }
}
