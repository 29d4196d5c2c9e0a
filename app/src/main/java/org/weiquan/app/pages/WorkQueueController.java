package org.weiquan.app.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.weiquan.api.common.CaseStatus;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.app.web.Csv;
import org.weiquan.app.web.Tables;
import org.weiquan.app.web.TablesXlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

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

    /** Most rows a download of the queue holds. */
    static final int DOWNLOAD_ROWS = 2000;
    private final QueryGateway queries;
    private final Clock clock;
    private final Map<CaseKind, List<String>> openStatuses;
    private final MessageSource messages;

    public WorkQueueController(QueryGateway queries, Clock clock, List<CaseKindSupport> kinds, MessageSource messages) {
        this.queries = queries;
        this.clock = clock;
        this.messages = messages;
        // the statuses a kind's open cases can be in, in the order of the case's life, from its action table
        Map<CaseKind, List<String>> statuses = new EnumMap<>(CaseKind.class);
        for (CaseKindSupport kind : kinds) {
            statuses.put(kind.kind(), kind.actions().stream().flatMap(action -> action.allowedIn().stream())
                    .filter(CaseStatus::isOpen).distinct().sorted(Comparator.comparingInt(Enum::ordinal))
                    .map(Enum::name).toList());
        }
        this.openStatuses = statuses;
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
                        @RequestParam(required = false) String status,
                        @RequestParam(required = false) District district,
                        @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page,
                        Model model) {
        WeiquanUser user = CurrentUser.get();
        String shownStatus = statusOf(kind, status);
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("districts", District.values());
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", kind == null ? List.of() : openStatuses.getOrDefault(kind, List.of()));
        model.addAttribute("status", shownStatus);
        model.addAttribute("district", district);
        model.addAttribute("q", q == null ? "" : q.strip());
        if (!hasQueue(user)) {
            return "queue";
        }
        CasePage found = queries.query(query(user, kind, shownStatus, district, q, Math.max(0, page), PAGE_SIZE),
                ResponseTypes.instanceOf(CasePage.class)).join();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<Row> rows = found.items().stream().map(item -> new Row(item, Deadline.of(item, today))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", found.page());
        model.addAttribute("total", found.totalItems());
        model.addAttribute("pages", Math.max(1, (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "queue";
    }

    /** The queue as it is filtered, every row of it (up to {@value #DOWNLOAD_ROWS}), as CSV or as an Excel workbook. */
    @GetMapping("/queue/download")
    public void download(@RequestParam(required = false) CaseKind kind,
                         @RequestParam(required = false) String status,
                         @RequestParam(required = false) District district,
                         @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "csv") String format,
                         HttpServletResponse response) throws IOException {
        WeiquanUser user = CurrentUser.get();
        if (!hasQueue(user)) throw new AccessDeniedException("no case queue for " + user.role());
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<List<Tables.Cell>> rows = new ArrayList<>();
        String shownStatus = statusOf(kind, status);
        for (int page = 0; rows.size() < DOWNLOAD_ROWS; page++) {
            CasePage found = queries.query(query(user, kind, shownStatus, district, q, page, 200),
                    ResponseTypes.instanceOf(CasePage.class)).join();
            for (CaseSummary item : found.items()) {
                if (rows.size() == DOWNLOAD_ROWS) break;
                Deadline deadline = Deadline.of(item, today);
                rows.add(List.of(Tables.Cell.words(item.caseNumber()), Tables.Cell.words(label("CaseKind." + item.kind(), locale)),
                        Tables.Cell.words(label(item.kind().name() + ".status." + item.status(), locale)),
                        Tables.Cell.words(item.partyMasked()), Tables.Cell.words(item.employerName()),
                        Tables.Cell.words(item.district() == null ? "" : label("District." + item.district(), locale)),
                        Tables.Cell.words(deadline == null ? "" : deadline.dueOn().toString()),
                        deadline == null ? Tables.Cell.words("") : Tables.Cell.count(deadline.days())));
            }
            if (found.items().size() < 200) break;
        }
        String title = label(user.role() == Role.OFFICER ? "queue.title.officer" : "queue.title.organisation", locale);
        Tables.Sheet sheet = new Tables.Sheet(title, label("organisation." + user.organisation().value(), locale),
                today.toString(), List.of(new Tables.Section(title, List.of(label("field.case-number", locale),
                label("field.kind", locale), label("field.status", locale), label("field.party", locale),
                label("field.employer", locale), label("field.district", locale), label("field.deadline", locale),
                label("queue.days-left", locale)), rows)));
        if (format.equals("xlsx")) {
            TablesXlsx.download(response, "queue-" + today + ".xlsx", sheet);
        } else {
            Csv.download(response, "queue-" + today + ".csv", csv -> Tables.writeCsv(sheet, csv));
        }
    }

    private static boolean hasQueue(WeiquanUser user) {
        return user.role() == Role.OFFICER || user.role() == Role.SUPERVISOR;
    }

    /** An officer's own open cases; a supervisor's, every open case of the organisations covered. */
    private static CaseListQuery query(WeiquanUser user, CaseKind kind, String status, District district, String q,
                                       int page, int size) {
        String officer = user.role() == Role.OFFICER ? user.username() : null;
        String text = q == null || q.isBlank() ? null : q.strip();
        return new CaseListQuery(user.organisation(), kind, status, district, officer, null, true, text, page, size,
                true, CaseListQuery.Order.DEADLINE_FIRST);
    }

    /** The status filter when it is one of the kind's open statuses; otherwise none. */
    private String statusOf(CaseKind kind, String status) {
        if (kind == null || status == null || status.isBlank()) return null;
        return openStatuses.getOrDefault(kind, List.of()).contains(status.strip()) ? status.strip() : null;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
