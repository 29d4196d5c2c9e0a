package org.weiquan.app.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.weiquan.app.axon.EventTypeRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The projections' dead-letter queues: events a projection could not handle, parked per case in
 * order. An administrator reads why, fixes the cause (a bug, bad data) and retries.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Administration")
public class DeadLetterController {
    /** Retries stop after this many sequences per call, so one call stays short. */
    private static final int MAX_RETRIES_PER_CALL = 1000;

    private final EventProcessingConfiguration processing;
    private final EventTypeRegistry eventTypes;

    public DeadLetterController(EventProcessingConfiguration processing, EventTypeRegistry eventTypes) {
        this.processing = processing;
        this.eventTypes = eventTypes;
    }

    public record ParkedEvent(String eventId, String eventType, String caseId, Long sequenceNumber, Instant occurredAt,
                              String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    public record ProjectionDeadLetters(String processingGroup, long sequences, long events, List<List<ParkedEvent>> parked) {
    }

    public record RetryResult(String processingGroup, int sequencesProcessed, long sequencesRemaining) {
    }

    @GetMapping
    @Operation(summary = "Parked events of every projection, per case in order, with the cause")
    public List<ProjectionDeadLetters> list() {
        List<ProjectionDeadLetters> result = new ArrayList<>();
        for (String group : processing.eventProcessors().keySet().stream().sorted().toList()) {
            processing.deadLetterQueue(group).ifPresent(queue -> result.add(describe(group, queue)));
        }
        return result;
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Hand the parked events of a projection to it again, oldest case first")
    public RetryResult retry(@PathVariable String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new ProjectionReplayController.NoSuchProcessorException(group));
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElseThrow();
        int processed = 0;
        long before = queue.amountOfSequences();
        // processAny() answers false when a retried sequence failed again; it is then parked anew.
        while (processed < MAX_RETRIES_PER_CALL && processed < before && processor.processAny()) {
            processed++;
        }
        return new RetryResult(group, processed, queue.amountOfSequences());
    }

    private ProjectionDeadLetters describe(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<List<ParkedEvent>> parked = new ArrayList<>();
        long events = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<ParkedEvent> letters = new ArrayList<>();
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(describe(letter));
                events++;
            }
            parked.add(letters);
        }
        return new ProjectionDeadLetters(group, parked.size(), events, parked);
    }

    private ParkedEvent describe(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String caseId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new ParkedEvent(message.getIdentifier(),
                eventTypes.nameOf(message.getPayloadType()).orElse(message.getPayloadType().getName()), caseId,
                sequence, message.getTimestamp(), letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null), letter.enqueuedAt(), letter.lastTouched());
    }
}
