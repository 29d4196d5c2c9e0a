package org.weiquan.app.petition;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.weiquan.app.web.Problems;

/**
 * The petition's own error: 403 {@code petition.history-withheld}. Ordered before the general
 * handler, which would otherwise answer any unforeseen runtime exception with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PetitionErrors {

    @ExceptionHandler(WhistleblowerProtectionException.class)
    ProblemDetail withheld(WhistleblowerProtectionException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "petition.history-withheld", e.getMessage());
    }
}
