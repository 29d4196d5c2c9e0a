package org.weiquan.app.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.weiquan.app.admin.DeadLetterController;
import org.weiquan.app.reference.ReferenceDataController;
import org.weiquan.app.security.UserProperties;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The administrator's other pages: the dead letters of each projection with their retry, the lawyer
 * panel and the mediator roster (added to and changed, never deleted: deactivated), and the users
 * as configured (read-only until the user store comes). Each goes through the admin API's own
 * handler, so its rules and its audit are the API's.
 */
@Controller
public class AdminPagesController {
    private final DeadLetterController deadLetters;
    private final ReferenceDataController roster;
    private final UserProperties users;
    private final ObjectMapper json;
    private final Validator validator;
    private final CaseActionSender sender;
    private final MessageSource messages;

    public AdminPagesController(DeadLetterController deadLetters, ReferenceDataController roster,
                                UserProperties users, ObjectMapper json,
                                Validator validator, CaseActionSender sender, MessageSource messages) {
        this.deadLetters = deadLetters;
        this.roster = roster;
        this.users = users;
        this.json = json;
        this.validator = validator;
        this.sender = sender;
        this.messages = messages;
    }

    @GetMapping("/admin/dead-letters")
    public String deadLetters(Model model) {
        model.addAttribute("groups", deadLetters.list());
        return "admin-dead-letters";
    }

    @PostMapping("/admin/dead-letters/{group}/retry")
    public String retry(@PathVariable String group, RedirectAttributes redirect) {
        redirect.addFlashAttribute("retried", deadLetters.retry(group));
        return "redirect:/admin/dead-letters";
    }

    @GetMapping("/admin/roster")
    public String roster(Model model) {
        model.addAttribute("lawyers", roster.lawyers());
        model.addAttribute("mediators", roster.mediators());
        if (!model.containsAttribute("fieldErrors")) model.addAttribute("fieldErrors", Map.of());
        if (!model.containsAttribute("values")) model.addAttribute("values", Map.of());
        return "admin-roster";
    }

    /** Adds a panel lawyer or changes one (the same id). */
    @PostMapping("/admin/roster/lawyers")
    public String saveLawyer(@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                             RedirectAttributes redirect) {
        return save("lawyer", form, ReferenceDataController.LawyerData.class, "lawyerId",
                (id, body) -> roster.saveLawyer(id, body), response, model, redirect);
    }

    /** Adds a mediator to the roster or changes one (the same id). */
    @PostMapping("/admin/roster/mediators")
    public String saveMediator(@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                               RedirectAttributes redirect) {
        return save("mediator", form, ReferenceDataController.MediatorData.class, "mediatorId",
                (id, body) -> roster.saveMediator(id, body), response, model, redirect);
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("users", users.users());
        return "admin-users";
    }

    private <B> String save(String what, Map<String, String> form, Class<B> type, String idField,
                            BiConsumer<String, B> saving, HttpServletResponse response, Model model,
                            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.equals(idField) || name.equals("_csrf") || name.equals("form")) return;
            if (value != null && !value.isBlank()) body.put(name, name.equals("active") ? Boolean.valueOf(value) : value.strip());
        });
        body.putIfAbsent("active", Boolean.FALSE); // an unticked box sends nothing
        B parsed = json.convertValue(body, type);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<B> violation : validator.validate(parsed)) {
            errors.putIfAbsent(what + "." + violation.getPropertyPath(), sender.messageOf(violation));
        }
        String id = form.getOrDefault(idField, "").strip();
        if (errors.isEmpty()) {
            try {
                saving.accept(id, parsed);
                redirect.addFlashAttribute("saved", id);
                return "redirect:/admin/roster";
            } catch (ConstraintViolationException badId) {
                errors.put(what + "." + idField, messages.getMessage("roster.bad-id", null, LocaleContextHolder.getLocale()));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("values", form);
        model.addAttribute("failed", what);
        return roster(model);
    }
}
