package org.weiquan.app.pages;

import org.weiquan.app.security.Role;

/** The signed-in user as every page's top bar shows them: 李明 · 经办人 · 姑苏区总工会. */
public record Me(String username, String displayName, Role role, String organisation) {
    public boolean is(String role) {
        return this.role.name().equals(role);
    }
}
