package org.weiquan.app.petition;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;
import org.weiquan.command.petition.EarlierPetitions;
import org.weiquan.command.petition.PetitionPolicy;

/** The petition policy from configuration. */
@Configuration(proxyBeanMethods = false)
public class PetitionConfig {

    @Bean
    PetitionPolicy petitionPolicy(PetitionPolicyProperties properties, DeadlineCalculator calculator) {
        return new PetitionPolicy(LegalPeriod.parse(properties.assignment()),
                LegalPeriod.parse(properties.acceptanceNotice()), LegalPeriod.parse(properties.competenceObjection()),
                LegalPeriod.parse(properties.reply()), properties.maxReplyExtensionDays(),
                LegalPeriod.parse(properties.reviewRequest()), LegalPeriod.parse(properties.reviewAnswer()),
                LegalPeriod.parse(properties.reexaminationRequest()),
                LegalPeriod.parse(properties.reexaminationAnswer()), properties.collectiveVisitThreshold(), calculator);
    }

    /** What a petition reads of an earlier one: its own events (§36). */
    @Bean
    EarlierPetitions earlierPetitions(EventStore events) {
        return EarlierPetitions.from(events);
    }
}
