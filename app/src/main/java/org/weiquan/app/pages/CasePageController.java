package org.weiquan.app.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    public CasePageController(CaseAccess access, CaseReads reads, QueryGateway queries, List<CaseKindSupport> kinds,
                              UserProperties users, Clock clock) {
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
        WeiquanUser user = CurrentUser.get();
        RegisteredCase found = access.visibleCase(ref, user);
        kinds.get(found.kind()).requireHistoryVisible(found.caseId(), user);
        CaseSummary summary = summaryOf(found, user);
        LocalDate today = LocalDate.now(clock.withZone(WorkQueueController.CHINA));
        model.addAttribute("found", found);
        model.addAttribute("summary", summary);
        model.addAttribute("officerName", summary == null || summary.officerInCharge() == null ? null
                : displayNames.getOrDefault(summary.officerInCharge(), summary.officerInCharge()));
        model.addAttribute("deadline", summary == null ? null : WorkQueueController.Deadline.of(summary, today));
        model.addAttribute("timeline", reads.history(UUID.fromString(found.caseId())).stream()
                .map(entry -> new TimelineEntry(entry, displayNames.getOrDefault(entry.actor(), entry.actor())))
                .toList());
        return "case";
    }

    /** The case's row of the case list, or null while the list has not reached it. */
    private CaseSummary summaryOf(RegisteredCase found, WeiquanUser user) {
        CasePage page = queries.query(new CaseListQuery(user.organisation(), found.kind(), null, null, null, null, null,
                found.caseNumber(), 0, 20, true), ResponseTypes.instanceOf(CasePage.class)).join();
        return page.items().stream().filter(item -> item.caseId().equals(found.caseId())).findFirst().orElse(null);
    }
}
