package org.weiquan.app.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.weiquan.app.admin.ProjectionProcessors;

/**
 * 处理器与重放: every projection's processor with its position, lag and state; a replay is started
 * from the page and its progress (done of total, rate, time left) is read again every second by htmx
 * without blocking the page (and by 刷新 without JavaScript).
 */
@Controller
public class ProcessorsPageController {
    private final ProjectionProcessors processors;

    public ProcessorsPageController(ProjectionProcessors processors) {
        this.processors = processors;
    }

    @GetMapping("/admin/processors")
    public String processors(Model model) {
        model.addAttribute("processors", processors.list());
        return "processors";
    }

    /** The table alone, for htmx to swap in. */
    @GetMapping("/admin/processors/table")
    public String table(Model model) {
        model.addAttribute("processors", processors.list());
        return "processors :: table";
    }

    @PostMapping("/admin/processors/{name}/replay")
    public String replay(@PathVariable String name, RedirectAttributes redirect) {
        processors.replay(name);
        redirect.addFlashAttribute("started", name);
        return "redirect:/admin/processors";
    }
}
