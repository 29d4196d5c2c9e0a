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
    private final CaseReads reads;
    private final QueryGateway queries;
    private final Map<CaseKind, CaseKindSupport> kinds;
    private final Map<String, String> displayNames;
    private final Clock clock;
    private final CaseActionForms forms;
    private final CaseActionSender sender;
    /** How long a done action waits for the case's history to show it before the page is shown again. */
    private static final Duration READ_SIDE_PATIENCE = Duration.ofSeconds(3);

    public CasePageController(CaseAccess access, CaseReads reads, QueryGateway queries, List<CaseKindSupport> kinds,
                              UserProperties users, Clock clock, CaseActionForms forms, CaseActionSender sender) {
        this.forms = forms;
        this.sender = sender;
        this.access = access;
        this.reads = reads;
        this.queries = queries;
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
            // the page shows the history and the case list's row: both are to show the new step
            List<HistoryEntry> history = ProjectionLag.await(() -> {
                List<HistoryEntry> entries = reads.history(caseId);
                return versionOf(entries) >= result.version() ? entries : null;
            }, READ_SIDE_PATIENCE);
            if (history != null) {
                Instant changedAt = history.get(history.size() - 1).occurredAt();
                ProjectionLag.await(() -> {
                    CaseSummary row = summaryOf(found, user);
                    return row != null && row.lastChangedAt() != null && !row.lastChangedAt().isBefore(changedAt)
                            ? row : null;
                }, READ_SIDE_PATIENCE);
            }
            redirect.addFlashAttribute("done", form.labelKey());
            return "redirect:/cases/" + found.caseNumber();
        }
        response.setStatus(result.problem().getStatus());
        model.addAttribute("failed", action);
        model.addAttribute("problem", result.problem());
        model.addAttribute("problemCode", String.valueOf(result.problem().getProperties() == null ? null
                : result.problem().getProperties().get("code")));
        model.addAttribute("fieldErrors", result.fieldErrors());
        model.addAttribute("values", values);
        return render(ref, model);
    }

    private String render(String ref, Model model) {
        WeiquanUser user = CurrentUser.get();
        RegisteredCase found = access.visibleCase(ref, user);
        kinds.get(found.kind()).requireHistoryVisible(found.caseId(), user);
        CaseSummary summary = summaryOf(found, user);
        LocalDate today = LocalDate.now(clock.withZone(WorkQueueController.CHINA));
        List<HistoryEntry> history = reads.history(UUID.fromString(found.caseId()));
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
        model.addAttribute("version", versionOf(history));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("today", today);
        if (!model.containsAttribute("values")) model.addAttribute("values", Map.of());
        if (!model.containsAttribute("fieldErrors")) model.addAttribute("fieldErrors", Map.of());
        return "case";
    }

    /** The case's version as its history shows it: the sequence number of its latest event. */
    private static long versionOf(List<HistoryEntry> history) {
        return history.isEmpty() ? -1 : history.get(history.size() - 1).sequence();
    }

    /** The case's row of the case list, or null while the list has not reached it. */
    private CaseSummary summaryOf(RegisteredCase found, WeiquanUser user) {
        CasePage page = queries.query(new CaseListQuery(user.organisation(), found.kind(), null, null, null, null, null,
                found.caseNumber(), 0, 20, true), ResponseTypes.instanceOf(CasePage.class)).join();
        return page.items().stream().filter(item -> item.caseId().equals(found.caseId())).findFirst().orElse(null);
    }
}
