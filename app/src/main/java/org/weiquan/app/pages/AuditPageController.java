package org.weiquan.app.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.weiquan.app.web.Tables;
import org.weiquan.app.web.TablesXlsx;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.query.AuditPage;
import org.weiquan.api.query.AuditQuery;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.UserProperties;

import java.time.Clock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;

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
    private final MessageSource messages;

    public AuditPageController(QueryGateway queries, Clock clock, UserProperties users, MessageSource messages) {
        this.messages = messages;
        this.queries = queries;
        this.clock = clock;
        this.users = users.users();
        this.displayNames = users.displayNames();
    }

    /** One row of the result, with the actor's name as the pages show people. */
    public record Row(org.weiquan.api.query.AuditEntry entry, String actorName) {
    }

    /** The same search, every row up to {@value #CSV_ROWS}, as an Excel workbook laid out as the page. */
    @GetMapping("/audit/download")
    public void download(@ModelAttribute Search search, HttpServletResponse response) throws IOException {
        Window days = window(search.from(), search.to());
        CaseKind kind = search.kind();
        if (days.reversed()) throw new IllegalArgumentException("from is after to");
        LocalDate first = days.first();
        LocalDate last = days.last();
        AuditPage result = queries.query(query(actorOf(search.actor()), first, last, kind, 0, CSV_ROWS),
                ResponseTypes.instanceOf(AuditPage.class)).join();
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkQueueController.CHINA);
        List<List<Tables.Cell>> rows = result.items().stream().map(entry -> {
            var e = entry.event();
            return List.of(Tables.Cell.words(minutes.format(e.occurredAt())),
                    Tables.Cell.words(displayNames.getOrDefault(e.actor(), e.actor())),
                    Tables.Cell.words(e.actorRole() == null ? "" : label("role." + e.actorRole(), locale)),
                    Tables.Cell.words(e.organisation() == null ? "" : label("organisation." + e.organisation(), locale)),
                    Tables.Cell.words(entry.caseNumber()),
                    Tables.Cell.words(locale.getLanguage().equals("en") ? e.summaryEn() : e.summaryZh()));
        }).toList();
        String title = label("menu.audit", locale);
        Tables.Sheet sheet = new Tables.Sheet(title, label("organisation." + CurrentUser.get().organisation().value(), locale),
                first + " – " + last, List.of(new Tables.Section(title, List.of(label("audit.time", locale),
                label("audit.actor", locale), label("audit.role", locale), label("field.organisation", locale),
                label("field.case-number", locale), label("audit.what", locale)), rows)));
        TablesXlsx.download(response, "audit-" + first + "-" + last + ".xlsx", sheet);
    }

    /** What the audit is searched by: who, which days (both included, in China), which kind. */
    public record Search(String actor, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, CaseKind kind) {
    }

    /** The days searched, both included: the week up to today unless the user chose. */
    record Window(LocalDate first, LocalDate last) {
        boolean reversed() {
            return first.isAfter(last);
        }
    }

    private Window window(LocalDate from, LocalDate to) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(WorkQueueController.CHINA)) : to;
        return new Window(from == null ? last.minusDays(6) : from, last);
    }

    private static String actorOf(String actor) {
        return actor == null || actor.isBlank() ? null : actor.strip();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The events of whole days in China: from the start of the first to the start of the day after the last. */
    private AuditQuery query(String actor, LocalDate first, LocalDate last, CaseKind kind, int page, int size) {
        return new AuditQuery(CurrentUser.get().organisation(), actor,
                first.atStartOfDay(WorkQueueController.CHINA).toInstant(),
                last.plusDays(1).atStartOfDay(WorkQueueController.CHINA).toInstant(), null, kind, page, size, null);
    }

    @GetMapping("/audit")
    public String audit(@ModelAttribute Search search, @RequestParam(defaultValue = "0") int page, Model model) {
        Window days = window(search.from(), search.to());
        CaseKind kind = search.kind();
        LocalDate first = days.first();
        LocalDate last = days.last();
        String who = actorOf(search.actor());
        model.addAttribute("actor", who);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("users", users);
        if (days.reversed()) {
            model.addAttribute("datesReversed", true);
            return "audit";
        }
        AuditPage result = queries.query(query(who, first, last, kind, Math.max(0, page), PAGE_SIZE),
                ResponseTypes.instanceOf(AuditPage.class)).join();
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
