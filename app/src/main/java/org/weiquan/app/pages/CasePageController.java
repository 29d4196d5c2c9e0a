package org.weiquan.app.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.security.Role;
import org.weiquan.app.web.ProjectionLag;
import java.time.Duration;
import java.time.Instant;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.query.CaseListQuery;
import org.weiquan.api.query.CasePage;
import org.weiquan.api.query.CaseSummary;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.app.casefile.CaseReads;
import org.weiquan.app.casefile.RegisteredCase;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.UserProperties;
import org.weiquan.app.security.WeiquanUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 案件详情: a case of any kind as its officer or a supervisor reads it, with its history as a paper
 * case file reads (办理记录, oldest first: who, in which role and organisation, when, what). One
 * template serves every kind; who may see the case and its history is decided as for the API.
 */
@Controller
public class CasePageController {
    private final CaseAccess access;
    private final CaseReadSide readSide;
    private final Map<CaseKind, CaseKindSupport> kinds;
    private final Map<String, String> displayNames;
    private final Clock clock;
    private final CaseActionForms forms;
    private final CaseActionSender sender;

    public CasePageController(CaseAccess access, CaseReadSide readSide, List<CaseKindSupport> kinds,
                              UserProperties users, Clock clock, CaseActionForms forms, CaseActionSender sender) {
        this.forms = forms;
        this.sender = sender;
        this.access = access;
        this.readSide = readSide;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(CaseKindSupport::kind, Function.identity()));
        this.displayNames = users.users().stream().collect(Collectors.toUnmodifiableMap(UserProperties.User::username,
                UserProperties.User::displayName, (first, second) -> first));
        this.clock = clock;
    }

    /** One entry of the timeline, with the actor's name as the pages show people. */
    public record TimelineEntry(HistoryEntry entry, String actorName) {
    }

    @GetMapping("/cases/{ref}")
    public String casePage(@PathVariable String ref, Model model) {
        return render(ref, model);
    }

    /**
     * One action of the case, from its form: sent through the action's API endpoint at the version
     * the page showed; done, back to the case page (after the history has caught up, so the new step
     * is there); refused, the page again with the refusal beside the form and the values kept.
     */
    @PostMapping("/cases/{ref}/actions/{action}")
    public String act(@PathVariable String ref, @PathVariable String action, @RequestParam long version,
                      @RequestParam String idempotencyKey, @RequestParam Map<String, String> values,
                      HttpServletRequest request, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        WeiquanUser user = CurrentUser.get();
        RegisteredCase found = access.visibleCase(ref, user);
        CaseActionForms.Form form = forms.form(found.kind(), action).orElseThrow(() -> new CaseNotFoundException(ref));
        UUID caseId = UUID.fromString(found.caseId());
        CaseActionSender.Result result = sender.send(form, caseId, version, idempotencyKey, values, request);
        if (result.done()) {
            readSide.awaitShown(found, user, result.version());
            redirect.addFlashAttribute("done", form.labelKey());
            return "redirect:/cases/" + found.caseNumber();
        }
        result.showRefusal(model, response);
        model.addAttribute("failed", action);
        model.addAttribute("values", values);
        return render(ref, model);
    }

    private String render(String ref, Model model) {
        WeiquanUser user = CurrentUser.get();
        RegisteredCase found = access.visibleCase(ref, user);
        kinds.get(found.kind()).requireHistoryVisible(found.caseId(), user);
        CaseSummary summary = readSide.summaryOf(found, user);
        LocalDate today = LocalDate.now(clock.withZone(WorkQueueController.CHINA));
        List<HistoryEntry> history = readSide.history(found);
        model.addAttribute("found", found);
        model.addAttribute("summary", summary);
        model.addAttribute("officerName", summary == null || summary.officerInCharge() == null ? null
                : displayNames.getOrDefault(summary.officerInCharge(), summary.officerInCharge()));
        model.addAttribute("deadline", summary == null ? null : WorkQueueController.Deadline.of(summary, today));
        model.addAttribute("timeline", history.stream()
                .map(entry -> new TimelineEntry(entry, displayNames.getOrDefault(entry.actor(), entry.actor())))
                .toList());
        // officers act on cases (as the API's rules say); the version is the one the page shows
        boolean officer = user.role() == Role.OFFICER;
        model.addAttribute("actions", officer && summary != null ? forms.allowedNow(found.kind(), summary.status()) : List.of());
        model.addAttribute("version", CaseReadSide.versionOf(history));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("today", today);
        if (!model.containsAttribute("values")) model.addAttribute("values", Map.of());
        if (!model.containsAttribute("fieldErrors")) model.addAttribute("fieldErrors", Map.of());
        return "case";
    }
}
