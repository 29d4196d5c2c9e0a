package org.weiquan.app.pages;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.WebUtils;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
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

    private final MessageSource messages;

    public CaseActionSender(ObjectMapper json, Validator validator, ApiErrors errors, MessageSource messages) {
        this.json = json;
        this.validator = validator;
        this.errors = errors;
        this.messages = messages;
    }

    /** A page form that an API endpoint takes: the endpoint, its request record and the form's inputs. */
    public interface SendableForm {
        HandlerMethod endpoint();

        Class<?> bodyType();

        List<FormFields.Field> fields();
    }

    /**
     * What came of a form: the endpoint's answer and the case's new version (when it sent one as its
     * ETag), or the problem with the fields it names, in the user's language.
     */
    public record Result(Object answer, Long version, ProblemDetail problem, Map<String, String> fieldErrors) {
        public boolean done() {
            return problem == null;
        }

        /** The refusal for the page that shows it beside its form: its status, problem, code and fields. */
        public void showRefusal(Model model, HttpServletResponse response) {
            response.setStatus(problem.getStatus());
            model.addAttribute("problem", problem);
            model.addAttribute("problemCode", String.valueOf(problem.getProperties() == null ? null
                    : problem.getProperties().get("code")));
            model.addAttribute("fieldErrors", fieldErrors);
        }
    }

    /**
     * Sends {@code values} through the form's endpoint. {@code caseId}: the case a transition acts
     * on (null for a filing); {@code pageVersion}: the version the page showed, sent as If-Match
     * (null for a filing).
     */
    public Result send(SendableForm form, UUID caseId, Long pageVersion, String idempotencyKey,
                       Map<String, String> values, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (FormFields.Field field : form.fields()) {
            if (field.input().equals("files")) {
                List<Map<String, Object>> files = filesOf(request, field.name());
                if (!files.isEmpty()) put(body, field.name(), files);
                continue;
            }
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
            violations.putIfAbsent(violation.getPropertyPath().toString(), messageOf(violation));
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
                if (HttpHeaders.IF_MATCH.equalsIgnoreCase(name)) args[i] = pageVersion == null ? null : ETags.of(pageVersion);
                else if (CaseTransitions.IDEMPOTENCY_KEY.equalsIgnoreCase(name)) args[i] = idempotencyKey;
            }
        }
        RequestAttributes outer = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(withKey(request, idempotencyKey)));
        try {
            Object answer = endpoint.getMethod().invoke(endpoint.getBean(), args);
            ResponseEntity<?> entity = (ResponseEntity<?>) answer;
            String etag = entity.getHeaders().getETag();
            return new Result(entity.getBody(), etag == null ? null : ETags.parseIfMatch(etag), null, Map.of());
        } catch (InvocationTargetException refused) {
            ProblemDetail problem = errors.problemFor(refused.getCause(), new ServletWebRequest(request));
            return new Result(null, null, problem, fieldErrorsOf(problem));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            RequestContextHolder.setRequestAttributes(outer);
        }
    }

    /** The form's text as the JSON the API takes: numbers and yes/no as such (the API coerces no strings). */
    private static Object typed(FormFields.Field field, String value) {
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
        return new Result(null, null, problem, fieldErrors);
    }

    /**
     * A violated constraint in the user's language ({@code validation.<Constraint>} in the message
     * bundles, with the constraint's bounds), else as the validator says it.
     */
    public String messageOf(ConstraintViolation<?> violation) {
        Map<String, Object> bounds = violation.getConstraintDescriptor().getAttributes();
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object[] args = switch (constraint) {
            case "Size" -> new Object[]{String.valueOf(bounds.get("min")), String.valueOf(bounds.get("max"))};
            case "Min", "Max" -> new Object[]{String.valueOf(bounds.get("value"))};
            case "Digits" -> new Object[]{String.valueOf(bounds.get("integer")), String.valueOf(bounds.get("fraction"))};
            default -> new Object[0];
        };
        return messages.getMessage("validation." + constraint, args, violation.getMessage(), LocaleContextHolder.getLocale());
    }

    /**
     * The files chosen for {@code field}, as the API's file metadata: name (without any folder), media
     * type, size and SHA-256 of the content, read as it streams in. The bytes are not kept.
     */
    private static List<Map<String, Object>> filesOf(HttpServletRequest request, String field) {
        List<Map<String, Object>> files = new ArrayList<>();
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) return files;
        for (MultipartFile file : multipart.getFiles(field)) {
            if (file.isEmpty() || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) continue;
            Map<String, Object> metadata = new LinkedHashMap<>();
            String name = file.getOriginalFilename().replace('\\', '/');
            metadata.put("fileName", name.substring(name.lastIndexOf('/') + 1));
            metadata.put("mediaType", file.getContentType() == null || file.getContentType().isBlank()
                    ? "application/octet-stream" : file.getContentType());
            metadata.put("sizeBytes", file.getSize());
            try (InputStream in = file.getInputStream()) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = in.read(buffer)) > 0; ) sha256.update(buffer, 0, read);
                metadata.put("sha256", HexFormat.of().formatHex(sha256.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            files.add(metadata);
        }
        return files;
    }

    /** Puts {@code value} at a JSON path such as {@code employer.name} or {@code workers[1].idNumber}. */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> body, String path, Object value) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            steps.add(bracket < 0 ? part : part.substring(0, bracket));
            if (bracket >= 0) steps.add(Integer.valueOf(part.substring(bracket + 1, part.length() - 1)));
        }
        Object node = body;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Object child = last ? value : steps.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> m = (Map<String, Object>) map;
                if (last) m.put((String) step, value);
                else node = m.computeIfAbsent((String) step, k -> child);
            } else {
                List<Object> list = (List<Object>) node;
                int index = (Integer) step;
                while (list.size() <= index) list.add(null);
                if (last) list.set(index, value);
                else {
                    if (list.get(index) == null) list.set(index, child);
                    node = list.get(index);
                }
            }
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
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
