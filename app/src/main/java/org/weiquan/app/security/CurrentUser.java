package org.weiquan.app.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The authenticated user of the current request. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Optional<WeiquanUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof WeiquanUser user) return Optional.of(user);
        return Optional.empty();
    }

    public static WeiquanUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }
}
