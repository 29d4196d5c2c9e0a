package org.weiquan.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.NotOnRosterException;
import org.weiquan.app.admin.ProjectionReplayController;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.casefile.IdempotencyConflictException;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as problem+json (RFC 9457) with a stable {@code code}: 400 for bad input (with
 * field-level messages), 404 for an unknown case, 409 for an illegal transition or a stale
 * If-Match, 413 for an oversized body. A refused command has stored nothing.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    public record FieldError(String field, String message) {
    }

    private static final ExceptionHandlerMethodResolver HANDLERS = new ExceptionHandlerMethodResolver(ApiErrors.class);

    /**
     * The problem this API answers {@code e} with, for the pages, which show a refused action beside
     * its form in the same terms (code, status, field errors) instead of as problem+json.
     */
    public ProblemDetail problemFor(Throwable e, WebRequest request) {
        Method handler = HANDLERS.resolveMethodByThrowable(e);
        if (handler == null) return unexpected(new IllegalStateException(e), request);
        Object[] args = Arrays.stream(handler.getParameterTypes())
                .map(type -> type.isInstance(e) ? e : WebRequest.class.isAssignableFrom(type) ? request : null)
                .toArray();
        try {
            Object answer = handler.invoke(this, args);
            return answer instanceof ResponseEntity<?> entity ? (ProblemDetail) entity.getBody() : (ProblemDetail) answer;
        } catch (ReflectiveOperationException | ClassCastException notAProblem) {
            return unexpected(new IllegalStateException(e), request);
        }
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        return Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    @ExceptionHandler(InvalidCaseDataException.class)
    ProblemDetail invalidData(InvalidCaseDataException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        if (e.field() != null) problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(NotOnRosterException.class)
    ProblemDetail notOnRoster(NotOnRosterException e) {
        return fieldProblem(e.field(), e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        return Problems.of(HttpStatus.CONFLICT, "stale-version", "the case has changed since version "
                + e.getExpectedVersion() + " (it is now at " + e.getActualVersion()
                + "): reload it and try again");
    }

    /**
     * Two requests changed the case at the same moment (on two instances, since one instance runs a
     * case's commands one at a time): both loaded the same version, and the event store refused the
     * second append because the case's stream had moved past the revision it expected.
     */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "stale-version",
                "the case was changed by another request at the same time: reload it and try again");
    }

    @ExceptionHandler({CaseNotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "no such case, or not one you may see");
    }

    @ExceptionHandler(ProjectionReplayController.NoSuchProcessorException.class)
    ProblemDetail noSuchProcessor(ProjectionReplayController.NoSuchProcessorException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "processor-not-found", e.getMessage());
    }

    @ExceptionHandler(CaseAccess.PersonalDataFilterException.class)
    ProblemDetail personalDataFilter(CaseAccess.PersonalDataFilterException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "query.personal-data-filter", e.getMessage());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "idempotency-conflict", e.getMessage());
    }

    @ExceptionHandler(ETags.MalformedIfMatchException.class)
    ProblemDetail malformedIfMatch(ETags.MalformedIfMatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-if-match", e.getMessage());
    }

    @ExceptionHandler(RequestSizeLimitFilter.RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestSizeLimitFilter.RequestTooLargeException e) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", e.getMessage());
    }

    /** The firewall checks header values when they are read: one that is not printable ASCII. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "request-rejected",
                "the request's path or headers hold characters this API does not accept");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return validationProblem(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if ("id".equals(e.getName())) {
            return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "no such case, or not one you may see");
        }
        return fieldProblem(e.getName(), "'" + e.getValue() + "' is not a valid value");
    }

    /** Anything nobody foresaw: 500, logged with the correlation id, details not leaked. */
    @ExceptionHandler({CommandExecutionException.class, RuntimeException.class})
    ProblemDetail unexpected(RuntimeException e, WebRequest request) {
        Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE, WebRequest.SCOPE_REQUEST);
        log.error("request {} failed", correlationId, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request failed unexpectedly; nothing was stored. Quote correlation id " + correlationId);
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e,
                                                                            @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status,
                                                                            @NonNull WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof RequestSizeLimitFilter.RequestTooLargeException tooLarge
                || (cause != null && cause.getCause() instanceof RequestSizeLimitFilter.RequestTooLargeException)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(
                    Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "the request body is too large"));
        }
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = fieldProblem(path(unknown), "is not a field of this request");
        } else if (cause instanceof StrictJson.DateBeforeEarliestException early) {
            problem = fieldProblem(path(early), "is before " + early.earliest() + ", the earliest date accepted");
        } else if (cause instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? ": one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()) : "";
            problem = fieldProblem(path(invalid), "'" + invalid.getValue() + "' is not a valid value" + allowed);
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem = fieldProblem(path(mapping), "has the wrong type or form");
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "the request body is missing or is not well-formed JSON");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        return validationProblem(List.of(new FieldError(field, message)));
    }

    private static ProblemDetail validationProblem(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", summary(errors));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    /**
     * An unknown path outside the API is a page nobody has: it goes to the error page (a page in the
     * user's language, error/404.html) instead of a problem+json answer.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && !isApiPath(servlet.getRequest().getRequestURI().substring(servlet.getRequest().getContextPath().length()))) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (IOException gone) {
                return null;
            }
        }
        return super.handleNoResourceFoundException(e, headers, status, request);
    }

    /** The paths the API's security chain serves; the rest are pages. */
    static boolean isApiPath(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator") || path.startsWith("/v3/")
                || path.startsWith("/swagger-ui");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        // getProperties() is null until a property is set, as it is on Spring's own problems
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            // Spring's own errors (405, 415, ...) get a code too.
            problem.setProperty("code", "http-" + status.value());
            problem.setType(URI.create("urn:weiquan:problem:http-" + status.value()));
            if (status.value() == 404) problem.setDetail("no such resource");
        }
        return super.createResponseEntity(body, headers, status, request);
    }

}
