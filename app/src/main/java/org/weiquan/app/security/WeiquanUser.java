package org.weiquan.app.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.weiquan.api.common.OrganisationId;

import java.util.Collection;
import java.util.List;

/** An authenticated user: the actor recorded on every command and event they cause. */
public record WeiquanUser(String username, String passwordHash, Role role, OrganisationId organisation)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "WeiquanUser[" + username + ", " + role + ", " + organisation + "]";
    }
}
