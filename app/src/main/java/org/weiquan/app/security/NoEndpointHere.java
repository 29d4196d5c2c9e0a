package org.weiquan.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.function.Supplier;

/**
 * The last rule of the API: a request no rule above let through is refused (403) when it names an
 * endpoint, so an endpoint nobody listed stays closed; a signed-in user's request for a path that
 * has no endpoint, or for a method the path does not take, goes on to be answered 404 or 405. An
 * anonymous request is refused (401) either way, so nobody learns which paths exist.
 */
final class NoEndpointHere implements AuthorizationManager<RequestAuthorizationContext> {
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private final RequestMappingHandlerMapping endpoints;

    NoEndpointHere(RequestMappingHandlerMapping endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        boolean signedIn = user != null && user.isAuthenticated() && !TRUST.isAnonymous(user);
        return new AuthorizationDecision(signedIn && !namesAnEndpoint(context.getRequest()));
    }

    private boolean namesAnEndpoint(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) ServletRequestPathUtils.parseAndCache(request);
        try {
            return endpoints.getHandler(request) != null;
        } catch (HttpRequestMethodNotSupportedException wrongMethod) {
            return false;
        } catch (Exception unclear) {
            return true; // refuse what cannot be told apart
        } finally {
            if (parsedHere) ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
