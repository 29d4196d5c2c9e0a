package org.weiquan.app.casefile;

/** A case id or Idempotency-Key reused for a different request (HTTP 409). */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String message) {
        super(message);
    }
}
