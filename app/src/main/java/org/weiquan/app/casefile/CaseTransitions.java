package org.weiquan.app.casefile;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.weiquan.api.common.CaseKind;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.app.web.ETags;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The HTTP shape of every transition of every kind: the case must be one the current user may see;
 * {@code If-Match: "<version>"} is the version the command expects (none: no check); an optional
 * {@code Idempotency-Key} makes a retry answer the first result instead of changing the case again;
 * the answer carries the case's new version, also as ETag.
 */
@Component
public class CaseTransitions {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** How long a retry waits for a concurrent request with the same key to finish. */
    private static final int CLAIM_ATTEMPTS = 200;
    private static final long CLAIM_WAIT_MILLIS = 50;

    private final CommandGateway commands;
    private final CaseAccess access;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transaction;

    public CaseTransitions(CommandGateway commands, CaseAccess access, IdempotencyKeys keys,
                           PlatformTransactionManager transactions) {
        this.commands = commands;
        this.access = access;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a transition did: the case's version after it, and whether this answer repeats an earlier one. */
    private record Outcome(long version, boolean replayed) {
    }

    /** Sends the transition and answers {@code body(version)} with the version as ETag. */
    public <B> ResponseEntity<B> respond(CaseKind kind, UUID caseId, String ifMatch, Function<Long, Object> command,
                                         Function<Long, B> body) {
        Outcome outcome = send(kind, caseId, ifMatch, currentIdempotencyKey(), command);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ETags.of(outcome.version()))
                .header(REPLAYED, Boolean.toString(outcome.replayed()))
                .body(body.apply(outcome.version()));
    }

    private Outcome send(CaseKind kind, UUID caseId, String ifMatch, String idempotencyKey,
                        Function<Long, Object> command) {
        WeiquanUser user = CurrentUser.get();
        access.visibleCase(caseId.toString(), kind, user);
        Object message = command.apply(ETags.parseIfMatch(ifMatch));
        if (idempotencyKey == null) {
            return new Outcome(commands.sendAndWait(message), false);
        }
        String requestHash = keys.hash(List.of(message.getClass().getName(), message));
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    Optional<Outcome> earlier = earlierResult(user, idempotencyKey, caseId, requestHash);
                    if (earlier.isPresent()) return earlier.get();
                    // The key's row is claimed first: a concurrent request with the same key waits
                    // on it, or fails to claim it, and then reads this one's result.
                    keys.remember(user.username(), idempotencyKey, requestHash, caseId.toString());
                    long version = commands.sendAndWait(message);
                    keys.rememberVersion(user.username(), idempotencyKey, version);
                    return new Outcome(version, false);
                });
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException claimedByAnother) {
                if (attempt >= CLAIM_ATTEMPTS) throw claimedByAnother;
                pause();
            }
        }
    }

    private Optional<Outcome> earlierResult(WeiquanUser user, String key, UUID caseId, String requestHash) {
        return keys.find(user.username(), key).map(remembered -> {
            if (remembered.resultVersion() == null || !remembered.caseId().equals(caseId.toString())
                    || !remembered.requestHash().equals(requestHash)) {
                throw new IdempotencyConflictException("Idempotency-Key '" + key
                        + "' was already used for a different request");
            }
            return new Outcome(remembered.resultVersion(), true);
        });
    }

    /** The request's Idempotency-Key, checked as a create's is ({@link IdempotencyKeys#requireWellFormed}). */
    private static String currentIdempotencyKey() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (!(request instanceof ServletRequestAttributes servlet)) return null;
        return IdempotencyKeys.requireWellFormed(servlet.getRequest().getHeader(IDEMPOTENCY_KEY));
    }

    private static void pause() {
        try {
            Thread.sleep(CLAIM_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent request", e);
        }
    }
}
