package org.weiquan.app.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.DisputeCommands.FileDisputeCommand;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.app.casefile.CaseKind;
import org.weiquan.app.casefile.CaseRegistry;
import org.weiquan.app.casefile.IdempotencyConflictException;
import org.weiquan.app.casefile.IdempotencyKeys;
import org.weiquan.app.casefile.RegisteredCase;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.command.deadline.DeadlineCalculator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Files a dispute exactly once. Case number, registry row, idempotency key and the first events
 * commit in one transaction; a retry (same case id, or same user and Idempotency-Key) returns the
 * first result, also when the retry races the original.
 */
@Service
public class DisputeIntake {
    private final CommandGateway commands;
    private final CaseRegistry registry;
    private final IdempotencyKeys idempotencyKeys;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    public DisputeIntake(CommandGateway commands, CaseRegistry registry, IdempotencyKeys idempotencyKeys,
                         PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.idempotencyKeys = idempotencyKeys;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** The outcome of a create: the case, and whether this call created it or found it already filed. */
    public record Outcome(String disputeId, String caseNumber, boolean replayed) {
    }

    public Outcome file(DisputeRequests.FileDispute request, WeiquanUser officer, String idempotencyKey) {
        String requestHash = hash(request);
        String disputeId = (request.disputeId() != null ? request.disputeId() : UUID.randomUUID()).toString();
        int year = LocalDate.now(clock.withZone(DeadlineCalculator.CHINA)).getYear();
        registry.ensureCounter(CaseKind.LABOUR_DISPUTE, year); // before the transaction: see ensureCounter
        try {
            return transaction.execute(status -> {
                Optional<Outcome> earlier = earlierResult(disputeId, idempotencyKey, officer, requestHash);
                if (earlier.isPresent()) return earlier.get();
                CaseNumber number = registry.allocate(CaseKind.LABOUR_DISPUTE, year);
                registry.register(disputeId, CaseKind.LABOUR_DISPUTE, number, officer.organisation(), requestHash);
                if (idempotencyKey != null) {
                    idempotencyKeys.remember(officer.username(), idempotencyKey, requestHash, disputeId);
                }
                commands.sendAndWait(toCommand(request, disputeId, number, officer));
                return new Outcome(disputeId, number.value(), false);
            });
        } catch (DataIntegrityViolationException | AggregateStreamCreationException raced) {
            // A concurrent retry committed first: its result is the first result.
            return transaction.execute(status -> earlierResult(disputeId, idempotencyKey, officer, requestHash))
                    .orElseThrow(() -> raced);
        }
    }

    private Optional<Outcome> earlierResult(String disputeId, String idempotencyKey, WeiquanUser officer,
                                            String requestHash) {
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Remembered> remembered = idempotencyKeys.find(officer.username(), idempotencyKey);
            if (remembered.isPresent()) {
                if (!remembered.get().requestHash().equals(requestHash)) {
                    throw new IdempotencyConflictException("Idempotency-Key '" + idempotencyKey
                            + "' was already used for a different request");
                }
                return registry.find(remembered.get().caseId()).map(c -> replay(c));
            }
        }
        Optional<RegisteredCase> existing = registry.find(disputeId);
        if (existing.isPresent()) {
            RegisteredCase found = existing.get();
            // Another organisation's case is not theirs to be replayed (its number would leak).
            if (found.kind() != CaseKind.LABOUR_DISPUTE || !found.requestHash().equals(requestHash)
                    || !found.organisation().equals(officer.organisation())) {
                throw new IdempotencyConflictException("case id " + disputeId + " is already used for a different case");
            }
            return Optional.of(replay(found));
        }
        return Optional.empty();
    }

    private static Outcome replay(RegisteredCase found) {
        return new Outcome(found.caseId(), found.caseNumber(), true);
    }

    private static FileDisputeCommand toCommand(DisputeRequests.FileDispute request, String disputeId, CaseNumber number,
                                                WeiquanUser officer) {
        return new FileDisputeCommand(DisputeId.of(disputeId), number, officer.organisation(), request.district(),
                request.category(),
                request.workers().stream().map(w -> new Worker(w.name().strip(), w.idNumber().toUpperCase(), w.phone()))
                        .toList(),
                new Employer(request.employer().name().strip(), request.employer().creditCode()), request.claim(),
                request.claimedAmount(), request.appliedOn(), request.infringementKnownOn(),
                new OfficerId(officer.username()));
    }

    /** Same request, same hash: the canonical JSON of the request without its optional id. */
    private String hash(DisputeRequests.FileDispute request) {
        try {
            byte[] canonical = json.writeValueAsString(new DisputeRequests.FileDispute(null, request.district(),
                    request.category(), request.workers(), request.employer(), request.claim(), request.claimedAmount(),
                    request.appliedOn(), request.infringementKnownOn())).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }
}
