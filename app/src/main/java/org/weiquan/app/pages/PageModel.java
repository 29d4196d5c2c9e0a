package org.weiquan.app.pages;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.weiquan.app.security.UserProperties;
import org.weiquan.app.security.WeiquanUser;

import java.util.Map;

/** What every page's layout needs, the error pages' too: who is signed in. */
@ControllerAdvice(basePackageClasses = PageModel.class, assignableTypes = ErrorController.class)
public class PageModel {
    private final Map<String, String> displayNames;

    public PageModel(UserProperties users) {
        this.displayNames = users.displayNames();
    }

    @ModelAttribute("me")
    public Me me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof WeiquanUser user)) {
            return null;
        }
        return new Me(user.username(), displayNames.getOrDefault(user.username(), user.username()), user.role(),
                user.organisation().value());
    }
}
