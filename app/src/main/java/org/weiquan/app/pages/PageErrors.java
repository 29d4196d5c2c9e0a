package org.weiquan.app.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
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

    @ExceptionHandler(WhistleblowerProtectionException.class)
    public String withheld(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("me", pages.me());
        return "error/403";
    }
}
