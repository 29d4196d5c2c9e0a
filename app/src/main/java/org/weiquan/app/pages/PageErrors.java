package org.weiquan.app.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.weiquan.app.admin.ProjectionReplayController;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.petition.WhistleblowerProtectionException;

/**
 * What a page answers when the rules refuse it: the error page in the user's language, with the
 * same status the API would give (an unknown or invisible case is 404, a withheld one 403).
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private final PageModel pages;

    public PageErrors(PageModel pages) {
        this.pages = pages;
    }

    @ExceptionHandler({CaseNotFoundException.class, IllegalArgumentException.class,
            ProjectionReplayController.NoSuchProcessorException.class})
    public String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        // an exception handler's model is a new one: the layout's attributes are added again
        model.addAttribute("me", pages.me());
        return "error/404";
    }

    /**
     * Anything else a page meets: a request Spring refuses (a missing or malformed parameter) with
     * its own status, an unexpected failure as 500 — always a page, never the API's JSON.
     * A refused permission goes on to Spring Security.
     */
    @ExceptionHandler(Exception.class)
    public String failed(Exception failure, HttpServletResponse response, Model model) throws Exception {
        if (failure instanceof AccessDeniedException) throw failure;
        int status = failure instanceof ErrorResponse refused ? refused.getStatusCode().value() : 500;
        if (status >= 500) log.error("a page failed", failure);
        response.setStatus(status);
        model.addAttribute("me", pages.me());
        return switch (status) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            case 500 -> "error/500";
            default -> "error";
        };
    }

    @ExceptionHandler(WhistleblowerProtectionException.class)
    public String withheld(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("me", pages.me());
        return "error/403";
    }
}
