package org.weiquan.app.petition;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.EventType;
import org.weiquan.api.petition.PetitionEvent;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Petition events are stored under stable names: each is a record named {@code petition.<event>}
 * with a revision, no name twice, and the names already in use never change.
 */
class PetitionEventTypesTest {

    @Test
    void every_petition_event_is_a_record_with_a_petition_type_name_and_a_revision() {
        Class<?>[] events = PetitionEvent.class.getPermittedSubclasses();
        assertThat(events).hasSize(23);
        Set<String> names = new HashSet<>();
        for (Class<?> event : events) {
            assertThat(event.isRecord()).as(event.getName()).isTrue();
            EventType type = event.getAnnotation(EventType.class);
            assertThat(type).as(event.getName()).isNotNull();
            assertThat(type.value()).as(event.getName()).matches("petition\\.[a-z]+(-[a-z]+)*");
            assertThat(names.add(type.value())).as("used twice: " + type.value()).isTrue();
            assertThat(event.getAnnotation(Revision.class)).as(event.getName()).isNotNull();
        }
    }

    @Test
    void the_stored_names_stay_what_they_are() {
        List<String> names = Arrays.stream(PetitionEvent.class.getPermittedSubclasses())
                .map(event -> event.getAnnotation(EventType.class).value()).toList();
        assertThat(names).containsExactlyInAnyOrder("petition.received", "petition.collective-visit-alert-raised",
                "petition.material-added", "petition.material-marked-whistleblower", "petition.registered",
                "petition.assignment-overdue", "petition.assigned", "petition.competence-objected",
                "petition.acceptance-notice-overdue", "petition.accepted", "petition.not-accepted",
                "petition.reply-period-extended", "petition.reply-overdue", "petition.replied",
                "petition.rating-recorded", "petition.closed", "petition.review-requested",
                "petition.review-answer-overdue", "petition.review-answered", "petition.reexamination-requested",
                "petition.reexamination-answer-overdue", "petition.reexamination-answered",
                "petition.claim-became-final");
    }
}
