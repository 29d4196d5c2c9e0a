package org.weiquan.app.pages;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.weiquan.api.common.CaseAction;
import org.weiquan.api.common.CaseKind;
import org.weiquan.app.casefile.CaseActionEndpoint;
import org.weiquan.app.casefile.CaseKindSupport;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case page's action forms, one per action of each kind's table that has an API endpoint
 * marked {@link CaseActionEndpoint}: the form's fields are the components of the endpoint's request
 * body, with what its validation annotations say (required, length, range), so a new action or
 * field reaches the page from the API alone. An action whose body holds something a form cannot
 * carry (a list of files) is not offered on the page.
 */
@Component
public class CaseActionForms {
    /** The form of one action: its endpoint and its fields. */
    public record Form(CaseKind kind, CaseAction<?> action, HandlerMethod endpoint, Class<?> bodyType,
                       List<FormFields.Field> fields) implements CaseActionSender.SendableForm {
        public String name() {
            return action.name();
        }

        /** The message key of the action's label, e.g. {@code DisputeAction.ACCEPT}. */
        public String labelKey() {
            return action.getClass().getSimpleName() + "." + action.name();
        }

        /** Whether the form sends files, so must be sent as multipart/form-data. */
        public boolean hasFiles() {
            return fields.stream().anyMatch(field -> field.input().equals("files"));
        }

        boolean allowedIn(String status) {
            return action.allowedIn().stream().anyMatch(s -> s.name().equals(status));
        }
    }

    private final Map<CaseKind, Map<String, Form>> forms = new EnumMap<>(CaseKind.class);

    public CaseActionForms(List<CaseKindSupport> kinds,
                           @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints) {
        for (CaseKindSupport kind : kinds) {
            Map<String, CaseAction<?>> byName = new LinkedHashMap<>();
            kind.actions().forEach(action -> byName.put(action.name(), action));
            Map<String, Form> ofKind = new LinkedHashMap<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> endpoint : endpoints.getHandlerMethods().entrySet()) {
                CaseActionEndpoint marked = endpoint.getValue().getMethodAnnotation(CaseActionEndpoint.class);
                if (marked == null || endpoint.getKey().getPatternValues().stream()
                        .noneMatch(p -> p.startsWith(kind.apiPath() + "/"))) continue;
                CaseAction<?> action = byName.get(marked.value());
                if (action == null) {
                    throw new IllegalStateException(endpoint.getValue() + " names " + marked.value()
                            + ", which is not an action of " + kind.kind());
                }
                formOf(kind.kind(), action, endpoint.getValue()).ifPresent(form -> ofKind.put(action.name(), form));
            }
            // in the order of the kind's table, which follows the case's life
            Map<String, Form> ordered = new LinkedHashMap<>();
            byName.keySet().stream().filter(ofKind::containsKey).forEach(name -> ordered.put(name, ofKind.get(name)));
            forms.put(kind.kind(), ordered);
        }
    }

    /** The forms of the actions the case's status allows now, in the order of the case's life. */
    public List<Form> allowedNow(CaseKind kind, String status) {
        return forms.getOrDefault(kind, Map.of()).values().stream().filter(form -> form.allowedIn(status)).toList();
    }

    /** Every form of the kind, allowed now or not. */
    public Collection<Form> all(CaseKind kind) {
        return forms.getOrDefault(kind, Map.of()).values();
    }

    public Optional<Form> form(CaseKind kind, String action) {
        return Optional.ofNullable(forms.getOrDefault(kind, Map.of()).get(action));
    }

    private static Optional<Form> formOf(CaseKind kind, CaseAction<?> action, HandlerMethod endpoint) {
        Class<?> body = null;
        for (MethodParameter parameter : endpoint.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) body = parameter.getParameterType();
            else if (!parameter.hasParameterAnnotation(RequestHeader.class)
                    && !(parameter.hasParameterAnnotation(PathVariable.class) && "id".equals(parameterName(parameter)))) {
                return Optional.empty(); // another path variable: not a form of the case page
            }
        }
        if (body == null || !body.isRecord()) return Optional.empty();
        // no repeated rows: a list of records in an action's body is a list of files
        Class<?> type = body;
        return FormFields.of(type, null).map(layout -> new Form(kind, action, endpoint, type, layout.fields()));
    }

    private static String parameterName(MethodParameter parameter) {
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.value().isEmpty()) return variable.value();
        return parameter.getParameterName() == null ? "id" : parameter.getParameterName();
    }
}
