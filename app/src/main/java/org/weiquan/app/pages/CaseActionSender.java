package org.weiquan.app.pages;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.weiquan.app.casefile.CaseTransitions;
import org.weiquan.app.web.ApiErrors;
import org.weiquan.app.web.ETags;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends an action's form through the action's own API endpoint, so a page and a script go the same
 * way to the command: the same body, the same validation, the same version check (the version the
 * page was rendered at, as If-Match) and the same idempotency (the form's key, as Idempotency-Key:
 * a double click or a resent form changes the case once). A refusal comes back as the API's problem.
 */
@Component
public class CaseActionSender {
    private final ObjectMapper json;
    private final Validator validator;
    private final ApiErrors errors;

    public CaseActionSender(ObjectMapper json, Validator validator, ApiErrors errors) {
        this.json = json;
        this.validator = validator;
        this.errors = errors;
    }

    /** What came of a form: the case's new version, or the problem with the fields it names. */
    public record Result(Long version, ProblemDetail problem, Map<String, String> fieldErrors) {
        public boolean done() {
            return version != null;
        }
    }

    public Result send(CaseActionForms.Form form, UUID caseId, long pageVersion, String idempotencyKey,
                       Map<String, String> values, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (CaseActionForms.Field field : form.fields()) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) continue;
            try {
                put(body, field.name(), typed(field, value.strip()));
            } catch (NumberFormatException notANumber) {
                return invalid(Map.of(field.name(), "invalid"));
            }
        }
        Object parsed;
        try {
            parsed = json.convertValue(body, form.bodyType());
        } catch (IllegalArgumentException unreadable) {
            String field = unreadable.getCause() instanceof JsonMappingException mapping ? pathOf(mapping) : null;
            return invalid(field == null ? Map.of() : Map.of(field, "invalid"));
        }
        Map<String, String> violations = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(parsed)) {
            violations.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!violations.isEmpty()) return invalid(violations);
        HandlerMethod endpoint = form.endpoint().createWithResolvedBean();
        Object[] args = new Object[endpoint.getMethodParameters().length];
        for (MethodParameter parameter : endpoint.getMethodParameters()) {
            int i = parameter.getParameterIndex();
            if (parameter.hasParameterAnnotation(RequestBody.class)) args[i] = parsed;
            else if (parameter.hasParameterAnnotation(PathVariable.class)) args[i] = caseId;
            else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                String name = header.name().isEmpty() ? header.value() : header.name();
                args[i] = HttpHeaders.IF_MATCH.equalsIgnoreCase(name) ? ETags.of(pageVersion) : null;
            }
        }
        RequestAttributes outer = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(withKey(request, idempotencyKey)));
        try {
            Object answer = endpoint.getMethod().invoke(endpoint.getBean(), args);
            String etag = ((ResponseEntity<?>) answer).getHeaders().getETag();
            return new Result(ETags.parseIfMatch(etag), null, Map.of());
        } catch (InvocationTargetException refused) {
            ProblemDetail problem = errors.problemFor(refused.getCause(), new ServletWebRequest(request));
            return new Result(null, problem, fieldErrorsOf(problem));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            RequestContextHolder.setRequestAttributes(outer);
        }
    }

    /** The form's text as the JSON the API takes: numbers and yes/no as such (the API coerces no strings). */
    private static Object typed(CaseActionForms.Field field, String value) {
        return switch (field.input()) {
            case "number" -> new BigDecimal(value);
            case "lines" -> value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            case "select" -> "boolean".equals(field.labelPrefix()) ? Boolean.valueOf(value) : value;
            default -> value;
        };
    }

    private Result invalid(Map<String, String> fieldErrors) {
        ProblemDetail problem = ProblemDetail.forStatus(400);
        problem.setProperty("code", "validation-failed");
        return new Result(null, problem, fieldErrors);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.put(path, value);
            return;
        }
        Map<String, Object> inner = (Map<String, Object>) body.computeIfAbsent(path.substring(0, dot),
                k -> new LinkedHashMap<String, Object>());
        put(inner, path.substring(dot + 1), value);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() == null) continue;
            if (!path.isEmpty()) path.append('.');
            path.append(ref.getFieldName());
        }
        return path.isEmpty() ? null : path.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrorsOf(ProblemDetail problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> list) {
            for (Object error : list) {
                if (error instanceof ApiErrors.FieldError f) fields.putIfAbsent(f.field(), f.message());
                else if (error instanceof Map<?, ?> m && m.get("field") != null) {
                    fields.putIfAbsent(String.valueOf(m.get("field")), String.valueOf(m.get("message")));
                }
            }
        }
        return fields;
    }

    private static HttpServletRequest withKey(HttpServletRequest request, String key) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return CaseTransitions.IDEMPOTENCY_KEY.equalsIgnoreCase(name) ? key : super.getHeader(name);
            }
        };
    }
}
