package org.weiquan.app.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.query.AuditPage;
import org.weiquan.api.query.AuditQuery;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.UserProperties;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 审计查询: "everything officer X did last week" — the events of the cases the viewer covers, by
 * actor, dates (both included, in China) and kind, oldest first, with the same query as CSV from the
 * audit API.
 */
@Controller
public class AuditPageController {
    static final int PAGE_SIZE = 50;
    /** What the CSV download holds at most: the audit API's largest page. */
    static final int CSV_ROWS = 5000;
    private final QueryGateway queries;
    private final Clock clock;
    private final List<UserProperties.User> users;
    private final Map<String, String> displayNames;

    public AuditPageController(QueryGateway queries, Clock clock, UserProperties users) {
        this.queries = queries;
        this.clock = clock;
        this.users = users.users();
        this.displayNames = users.users().stream().collect(Collectors.toUnmodifiableMap(UserProperties.User::username,
                UserProperties.User::displayName, (first, second) -> first));
    }

    /** One row of the result, with the actor's name as the pages show people. */
    public record Row(org.weiquan.api.query.AuditEntry entry, String actorName) {
    }

    @GetMapping("/audit")
    public String audit(@RequestParam(required = false) String actor,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) CaseKind kind,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(WorkQueueController.CHINA));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(6) : from;
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        model.addAttribute("actor", who);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("users", users);
        if (first.isAfter(last)) {
            model.addAttribute("datesReversed", true);
            return "audit";
        }
        // the dates are whole days in China: up to the start of the day after the last
        AuditQuery query = new AuditQuery(CurrentUser.get().organisation(), who,
                first.atStartOfDay(WorkQueueController.CHINA).toInstant(),
                last.plusDays(1).atStartOfDay(WorkQueueController.CHINA).toInstant(), null, kind,
                Math.max(0, page), PAGE_SIZE, null);
        AuditPage result = queries.query(query, ResponseTypes.instanceOf(AuditPage.class)).join();
        model.addAttribute("rows", result.items().stream()
                .map(entry -> new Row(entry, displayNames.getOrDefault(entry.event().actor(), entry.event().actor())))
                .toList());
        model.addAttribute("total", result.totalItems());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", (result.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("csvRows", CSV_ROWS);
        model.addAttribute("toExclusive", last.plusDays(1));
        return "audit";
    }
}
