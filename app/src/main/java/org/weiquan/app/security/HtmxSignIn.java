package org.weiquan.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.net.URI;

/**
 * What an htmx request (a table polled every second, a fragment swapped in) does when its session
 * has expired. It must not be remembered as the page to return to after sign-in — that would land
 * the user on a bare fragment — so the request cache skips it; instead the browser is told
 * (HX-Redirect) to load the page the user was on, which is not signed in either, so the ordinary
 * sign-in flow remembers that page and returns to it.
 */
final class HtmxSignIn {
    static final RequestMatcher HTMX = request -> "true".equals(request.getHeader("HX-Request"));

    private HtmxSignIn() {
    }

    static RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> !HTMX.matches(request) && "GET".equals(request.getMethod()));
        return cache;
    }

    static AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", pageTheUserWasOn(request));
        };
    }

    /** The path of the page htmx names in HX-Current-URL, if it is one of ours; sign-in otherwise. */
    static String pageTheUserWasOn(HttpServletRequest request) {
        String current = request.getHeader("HX-Current-URL");
        String login = request.getContextPath() + "/login";
        if (current == null) return login;
        try {
            URI uri = URI.create(current);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith(request.getContextPath() + "/") || path.startsWith("//")) return login;
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) return login;
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException notAUri) {
            return login;
        }
    }
}
