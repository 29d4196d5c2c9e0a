package org.weiquan.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Users configured in properties ({@code weiquan.security.users}); the embedded profile ships demo
 * users of each role. Passwords are stored only as hashes ({@code {bcrypt}...}).
 */
@ConfigurationProperties("weiquan.security")
public record UserProperties(List<User> users) {
    public UserProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** How the pages name each user, by user name (the first entry wins if a name is configured twice). */
    public Map<String, String> displayNames() {
        return users.stream().collect(Collectors.toUnmodifiableMap(User::username, User::displayName,
                (first, second) -> first));
    }

    /** {@code displayName}: how the pages name the user (李明); the user name when none is set. */
    public record User(String username, String passwordHash, Role role, String organisation, String displayName) {
        public User {
            displayName = displayName == null || displayName.isBlank() ? username : displayName;
        }

        @Override
        public String toString() {
            return "User[" + username + ", " + role + ", " + organisation + "]";
        }
    }
}
