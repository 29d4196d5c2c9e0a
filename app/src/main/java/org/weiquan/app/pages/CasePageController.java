package org.weiquan.app.pages;

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
import org.weiquan.app.casefile.CaseController;
import org.weiquan.app.casefile.PointInTime;
import org.weiquan.app.reference.ReferenceDataController;
import org.weiquan.api.common.LinkRelation;
import org.springframework.format.annotation.DateTimeFormat;
import org.weiquan.app.security.Role;
import java.time.Instant;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.query.CaseSummary;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseKindSupport;
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
    private final PointInTime pointInTime;
    private final CaseController cases;
    private final ReferenceDataController roster;

    public CasePageController(CaseAccess access, CaseReadSide readSide, List<CaseKindSupport> kinds,
                              UserProperties users, Clock clock, CaseActionForms forms, CaseActionSender sender,
                              PointInTime pointInTime, CaseController cases, ReferenceDataController roster) {
        this.roster = roster;
        this.pointInTime = pointInTime;
        this.cases = cases;
        this.forms = forms;
        this.sender = sender;
        this.access = access;
        this.readSide = readSide;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(CaseKindSupport::kind, Function.identity()));
        this.displayNames = users.displayNames();
        this.clock = clock;
    }

    /** One entry of the timeline, with the actor's name as the pages show people. */
    public record TimelineEntry(HistoryEntry entry, String actorName) {
    }

    /**
     * The case page; {@code asOf}: also the case as it stood at the end of that day; {@code from} and
     * {@code to}: also what changed between the ends of those days.
     */
    @GetMapping("/cases/{ref}")
    public String casePage(@PathVariable String ref,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           Model model) {
        RegisteredCase found = historyVisible(access.visibleCase(ref, CurrentUser.get()));
        if (asOf != null) {
            model.addAttribute("asOf", asOf);
            try {
                Object then = pointInTime.detailAsOf(found, endOf(asOf));
                model.addAttribute("asOfStatus", CaseFacts.status(then));
                model.addAttribute("asOfDeadlines", CaseFacts.deadlines(then));
            } catch (CaseNotFoundException notYet) {
                model.addAttribute("asOfNotYet", true);
            }
        }
        if (from != null && to != null) {
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            if (from.isBefore(to)) {
                model.addAttribute("changes", CaseFacts.plainChanges(pointInTime.difference(found, endOf(from), endOf(to))));
            } else {
                model.addAttribute("changesReversed", true);
            }
        }
        return render(found, model);
    }

    /** Links this case to another the officer may see, recorded on both (the API's link). */
    @PostMapping("/cases/{ref}/links")
    public String link(@PathVariable String ref, @RequestParam String linkedCase, @RequestParam(required = false) String relation,
                       @RequestParam(required = false) String note, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        WeiquanUser user = CurrentUser.get();
        RegisteredCase found = access.visibleCase(ref, user);
        LinkRelation chosen = relationOf(relation);
        String problem = chosen == null ? "link.relation-required" : linkedCase.isBlank() ? "link.case-required" : null;
        if (problem == null) {
            try {
                long before = CaseReadSide.versionOf(readSide.history(found));
                cases.link(found.caseId(), new CaseController.LinkRequest(linkedCase.strip(), chosen,
                        note == null || note.isBlank() ? null : note.strip()));
                readSide.awaitShown(found, user, before + 1);
                redirect.addFlashAttribute("done", "case.linked");
                return "redirect:/cases/" + found.caseNumber();
            } catch (CaseNotFoundException unknownCase) {
                problem = "link.no-such-case";
            } catch (RuntimeException refused) {
                problem = "link.refused";
            }
        }
        response.setStatus(problem.equals("link.refused") ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("linkProblem", problem);
        model.addAttribute("linkValues", Map.of("linkedCase", linkedCase, "relation", relation == null ? "" : relation,
                "note", note == null ? "" : note));
        return render(historyVisible(found), model);
    }

    /** The relation chosen on the link form, or null when none or an unknown one was sent. */
    private static LinkRelation relationOf(String relation) {
        if (relation == null || relation.isBlank()) return null;
        try {
            return LinkRelation.valueOf(relation);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Who may be chosen where an action names a mediator or a lawyer: the listed ones of the roster and panel. */
    public record Choice(String id, String label) {
    }

    private Map<String, List<Choice>> rosterOptions() {
        List<Choice> mediators = roster.mediators().stream().filter(m -> m.active())
                .map(m -> new Choice(m.mediatorId(), m.name() + "（" + m.mediatorId() + "）")).toList();
        List<Choice> lawyers = roster.lawyers().stream().filter(l -> l.active())
                .map(l -> new Choice(l.lawyerId(), l.name() + " · " + l.lawFirm() + "（" + l.lawyerId() + "）")).toList();
        return Map.of("mediator", mediators, "lawyerId", lawyers);
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(WorkQueueController.CHINA).toInstant().minusNanos(1);
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
        return render(historyVisible(found), model);
    }

    /**
     * The case, when the kind's rules let the user read its full history (the page shows it); an
     * action or a link needs only that the case be visible, as in the API.
     */
    private RegisteredCase historyVisible(RegisteredCase found) {
        kinds.get(found.kind()).requireHistoryVisible(found.caseId(), CurrentUser.get());
        return found;
    }

    /** The page of a case whose history the user may read. */
    private String render(RegisteredCase found, Model model) {
        WeiquanUser user = CurrentUser.get();
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
        Object detail = pointInTime.detailAsOf(found, clock.instant());
        model.addAttribute("deadlines", CaseFacts.deadlines(detail));
        model.addAttribute("links", CaseFacts.links(detail));
        model.addAttribute("relations", LinkRelation.values());
        model.addAttribute("mayLink", officer);
        model.addAttribute("rosterOptions", officer ? rosterOptions() : Map.of());
        if (!model.containsAttribute("linkValues")) model.addAttribute("linkValues", Map.of());
        if (!model.containsAttribute("values")) model.addAttribute("values", Map.of());
        if (!model.containsAttribute("fieldErrors")) model.addAttribute("fieldErrors", Map.of());
        return "case";
    }
}
