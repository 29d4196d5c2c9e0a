package org.weiquan.app.pages;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.weiquan.api.common.CaseKind;
import org.weiquan.app.casefile.CaseIntakeEndpoint;
import org.weiquan.app.casefile.CaseKindSupport;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The intake form (登记) of each kind: the fields of the request record that the kind's
 * {@link CaseIntakeEndpoint} takes, the people of a case (workers, petitioners) as rows the officer
 * can add to.
 */
@Component
public class CaseIntakeForms {
    /** One kind's intake form with the rows it shows now. */
    public record IntakeForm(CaseKind kind, HandlerMethod endpoint, Class<?> bodyType, List<FormFields.Field> fields,
                             List<FormFields.Group> groups) implements CaseActionSender.SendableForm {
        public String slug() {
            return slugOf(kind);
        }
    }

    private final Map<CaseKind, HandlerMethod> endpoints = new EnumMap<>(CaseKind.class);
    private final Map<CaseKind, Class<?>> bodies = new EnumMap<>(CaseKind.class);

    public CaseIntakeForms(List<CaseKindSupport> kinds,
                           @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        for (CaseKindSupport kind : kinds) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
                HandlerMethod endpoint = mapping.getValue();
                if (!endpoint.hasMethodAnnotation(CaseIntakeEndpoint.class)
                        || !mapping.getKey().getPatternValues().contains(kind.apiPath())) continue;
                Class<?> body = Arrays.stream(endpoint.getMethodParameters())
                        .filter(p -> p.hasParameterAnnotation(RequestBody.class)).map(MethodParameter::getParameterType)
                        .findFirst().orElseThrow(() -> new IllegalStateException(endpoint + " takes no request body"));
                if (FormFields.of(body, Map.of()).isEmpty()) {
                    throw new IllegalStateException(body + " cannot be a page form: a required field has no input");
                }
                endpoints.put(kind.kind(), endpoint);
                bodies.put(kind.kind(), body);
            }
        }
    }

    /** The kinds that have an intake form, in the order of {@link CaseKind}. */
    public List<CaseKind> kinds() {
        return List.copyOf(endpoints.keySet());
    }

    /** The kind's form showing {@code rows} rows of each repeated group (one where not named). */
    public Optional<IntakeForm> form(CaseKind kind, Map<String, Integer> rows) {
        if (!endpoints.containsKey(kind)) return Optional.empty();
        Class<?> body = bodies.get(kind);
        return FormFields.of(body, rows)
                .map(layout -> new IntakeForm(kind, endpoints.get(kind), body, layout.fields(), layout.groups()));
    }

    /** The kind as a page's address says it: {@code labour-dispute}. */
    public static String slugOf(CaseKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CaseKind> kindOf(String slug) {
        return Arrays.stream(CaseKind.values()).filter(kind -> slugOf(kind).equals(slug)).findFirst();
    }
}
