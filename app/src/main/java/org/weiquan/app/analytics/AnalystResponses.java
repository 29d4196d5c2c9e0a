package org.weiquan.app.analytics;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.Role;

/**
 * Every answer an analyst gets passes through the {@link Pseudonymiser}: whatever an endpoint
 * returns, a field marked as personal data reaches an analyst as a pseudonym, masked or not at
 * all. The endpoints themselves need not know who reads them.
 */
@RestControllerAdvice
public class AnalystResponses implements ResponseBodyAdvice<Object> {
    private final Pseudonymiser pseudonymiser;

    public AnalystResponses(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!Pseudonymiser.holdsPersonalData(body)) return body;
        boolean analyst = CurrentUser.find().map(user -> user.role() == Role.ANALYST).orElse(false);
        return analyst ? pseudonymiser.pseudonymise(body) : body;
    }
}
