package org.weiquan.app.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.query.CaseListQuery;
import org.weiquan.api.query.CasePage;
import org.weiquan.api.query.CaseSummary;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.Role;
import org.weiquan.app.security.WeiquanUser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 工作台: an officer's open cases of every kind, overdue first, then by the nearest deadline, with
 * the days left; a supervisor sees every open case of their organisation and those below it. It
 * asks the same query as {@code GET /api/cases}. Analysts and administrators have no case queue:
 * their pages are elsewhere.
 */
@Controller
public class WorkQueueController {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int PAGE_SIZE = 20;

    private final QueryGateway queries;
    private final Clock clock;

    public WorkQueueController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One row of the queue, with its deadline as the words and colour a user reads. */
    public record Row(CaseSummary item, Deadline deadline) {
    }

    /** {@code days}: left (positive), today (0) or past (negative); {@code tone}: how urgent. */
    public record Deadline(LocalDate dueOn, long days, String tone) {
        static Deadline of(CaseSummary item, LocalDate today) {
            if (item.nextDeadline() == null) return null;
            long days = ChronoUnit.DAYS.between(today, item.nextDeadline());
            String tone = item.overdue() || days < 0 ? "overdue" : days <= 3 ? "soon" : "later";
            return new Deadline(item.nextDeadline(), days, tone);
        }
    }

    @GetMapping("/")
    public String queue(@RequestParam(required = false) CaseKind kind,
                        @RequestParam(required = false) District district,
                        @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page,
                        Model model) {
        WeiquanUser user = CurrentUser.get();
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("districts", District.values());
        model.addAttribute("kind", kind);
        model.addAttribute("district", district);
        model.addAttribute("q", q == null ? "" : q.strip());
        if (user.role() != Role.OFFICER && user.role() != Role.SUPERVISOR) {
            return "queue";
        }
        String officer = user.role() == Role.OFFICER ? user.username() : null;
        String text = q == null || q.isBlank() ? null : q.strip();
        CaseListQuery query = new CaseListQuery(user.organisation(), kind, null, district, officer, null, true, text,
                Math.max(0, page), PAGE_SIZE, true, CaseListQuery.Order.DEADLINE_FIRST);
        CasePage found = queries.query(query, ResponseTypes.instanceOf(CasePage.class)).join();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<Row> rows = found.items().stream().map(item -> new Row(item, Deadline.of(item, today))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", found.page());
        model.addAttribute("total", found.totalItems());
        model.addAttribute("pages", Math.max(1, (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "queue";
    }
}
