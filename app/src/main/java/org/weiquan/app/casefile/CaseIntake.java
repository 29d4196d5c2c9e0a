package org.weiquan.app.casefile;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.app.web.ETags;
import org.weiquan.command.deadline.DeadlineCalculator;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Files a case of any kind exactly once. Case number, registry row, party keys, idempotency key and
 * the first events commit in one transaction; a retry (same case id, or same user and
 * Idempotency-Key) returns the first result, also when the retry races the original. The answer
 * lists open cases of the same kind with the same worker or employer.
 */
@Service
public class CaseIntake {
    private final CommandGateway commands;
    private final CaseRegistry registry;
    private final IdempotencyKeys idempotencyKeys;
    private final DuplicateCheck duplicates;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EventStore events;
    private final Map<CaseKind, CaseKindSupport> kinds;

    public CaseIntake(CommandGateway commands, CaseRegistry registry, IdempotencyKeys idempotencyKeys,
                      DuplicateCheck duplicates, PlatformTransactionManager transactions, Clock clock,
                      EventStore events, List<CaseKindSupport> kinds) {
        this.events = events;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(CaseKindSupport::kind, Function.identity()));
        this.commands = commands;
        this.registry = registry;
        this.idempotencyKeys = idempotencyKeys;
        this.duplicates = duplicates;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The outcome of a create: the case, whether this call created it, possible duplicates, and the
     * case's version now (its ETag: some kinds file more than one event, e.g. a collective alert).
     */
    public record Outcome(String caseId, String caseNumber, boolean replayed, List<PossibleDuplicate> possibleDuplicates,
                          long version) {
        Outcome withVersion(long version) {
            return new Outcome(caseId, caseNumber, replayed, possibleDuplicates, version);
        }

        /**
         * The 201 answer of every kind's create: the new case's address, whether this was a replay of
         * an earlier request, and its version as ETag.
         */
        public <B> ResponseEntity<B> created(B body) {
            URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(caseId)
                    .toUri();
            return ResponseEntity.created(location).header(CaseTransitions.REPLAYED, Boolean.toString(replayed))
                    .eTag(ETags.of(version)).body(body);
        }
    }

    /**
     * @param requestedId the client's case id, or null for a new one
     * @param content     the request without its id: equal content means "the same request"
     * @param command     builds the create command from the case id and its new number
     */
    public Outcome file(CaseKind kind, UUID requestedId, Object content, Parties parties, WeiquanUser officer,
                        String idempotencyKey, BiFunction<String, CaseNumber, Object> command) {
        IdempotencyKeys.requireWellFormed(idempotencyKey);
        String requestHash = idempotencyKeys.hash(content);
        String caseId = (requestedId != null ? requestedId : UUID.randomUUID()).toString();
        int year = LocalDate.now(clock.withZone(DeadlineCalculator.CHINA)).getYear();
        // The year's counter row is created up front, in its own short transaction, so the filing
        // transaction below never needs a second connection.
        registry.ensureCounter(kind, year);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                Optional<Outcome> earlier = earlierResult(kind, caseId, idempotencyKey, officer, requestHash);
                if (earlier.isPresent()) return earlier.get();
                CaseNumber number = registry.allocate(kind, year);
                DuplicateCheck.Found found = duplicates.find(kind, parties, caseId, officer.organisation());
                registry.register(caseId, kind, number, officer.organisation(), requestHash, found.shown());
                duplicates.record(caseId, kind, parties);
                if (idempotencyKey != null) {
                    idempotencyKeys.remember(officer.username(), idempotencyKey, requestHash, caseId);
                }
                commands.sendAndWait(command.apply(caseId, number));
                // in the filing's transaction: the flags stand or fall with the case
                found.elsewhere().forEach(other -> commands.sendAndWait(kinds.get(kind).flagDuplicateElsewhereCommand(caseId, other)));
                return new Outcome(caseId, number.value(), false, found.shown(), -1);
            });
        } catch (DataIntegrityViolationException | AggregateStreamCreationException raced) {
            // A concurrent retry committed first: its result is the first result.
            outcome = transaction.execute(status -> earlierResult(kind, caseId, idempotencyKey, officer, requestHash))
                    .orElseThrow(() -> raced);
        }
        Long version = events.lastSequenceNumberFor(outcome.caseId()).orElse(0L);
        return outcome.withVersion(version);
    }

    private Optional<Outcome> earlierResult(CaseKind kind, String caseId, String idempotencyKey, WeiquanUser officer,
                                            String requestHash) {
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Remembered> remembered = idempotencyKeys.find(officer.username(), idempotencyKey);
            if (remembered.isPresent()) {
                if (!remembered.get().requestHash().equals(requestHash)) {
                    throw new IdempotencyConflictException("Idempotency-Key '" + idempotencyKey
                            + "' was already used for a different request");
                }
                return registry.find(remembered.get().caseId()).map(CaseIntake::replay);
            }
        }
        Optional<RegisteredCase> existing = registry.find(caseId);
        if (existing.isPresent()) {
            RegisteredCase found = existing.get();
            // Only the same request from the same organisation is a retry; anything else must not
            // learn about the case behind the id.
            if (found.kind() != kind || !found.requestHash().equals(requestHash)
                    || !found.organisation().equals(officer.organisation())) {
                throw new IdempotencyConflictException("case id " + caseId + " is already used for a different case");
            }
            return Optional.of(replay(found));
        }
        return Optional.empty();
    }

    private static Outcome replay(RegisteredCase found) {
        return new Outcome(found.caseId(), found.caseNumber(), true, found.possibleDuplicates(), -1);
    }
}
