package org.weiquan.app.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.monitoring.MonitoredDeadline;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeed;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeedQuery;
import org.weiquan.api.monitoring.MonitoringQueries.CaseCounts;
import org.weiquan.api.monitoring.MonitoringQueries.CaseCountsQuery;
import org.weiquan.api.monitoring.MonitoringQueries.Counts;
import org.weiquan.api.monitoring.MonitoringQueries.Rate;
import org.weiquan.api.monitoring.MonitoringQueries.Rates;
import org.weiquan.api.monitoring.MonitoringQueries.RatesQuery;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.WeiquanUser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * 监测 (the monitoring dashboard): open, overdue and closed cases by kind and district, the rates of
 * the last twelve months month by month, and the alert feed, which htmx refreshes without a reload.
 * Every figure is the monitoring API's, for the viewer's organisation and those below it; none names
 * a person. Each chart has its table, which is what a page without JavaScript shows.
 */
@Controller
public class DashboardPageController {
    /** How far ahead the feed lists deadlines coming due, unless the user asks otherwise. */
    static final int DEFAULT_DUE_WITHIN_DAYS = 3;
    private final QueryGateway queries;
    private final Clock clock;
    private final MessageSource messages;
    private final ObjectMapper json;

    public DashboardPageController(QueryGateway queries, Clock clock, MessageSource messages, ObjectMapper json) {
        this.queries = queries;
        this.clock = clock;
        this.messages = messages;
        this.json = json;
    }

    /** One month's rates, as the charts and their table show them. */
    public record MonthRates(YearMonth month, Rates rates) {
    }

    @GetMapping("/dashboard")
    public String dashboard(@RequestParam(required = false) District district,
                            @RequestParam(required = false) Integer dueWithinDays, Model model) throws JsonProcessingException {
        WeiquanUser user = CurrentUser.get();
        LocalDate today = today();
        CaseCounts counts = queries.query(new CaseCountsQuery(user.organisation(), null, district, null),
                ResponseTypes.instanceOf(CaseCounts.class)).join();
        YearMonth thisMonth = YearMonth.from(today);
        List<MonthRates> months = new ArrayList<>();
        for (int back = 11; back >= 0; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            LocalDate to = back == 0 ? today : month.atEndOfMonth();
            months.add(new MonthRates(month, rates(user, month.atDay(1), to, district)));
        }
        Rates year = rates(user, thisMonth.minusMonths(11).atDay(1), today, district);
        model.addAttribute("district", district);
        model.addAttribute("districts", District.values());
        model.addAttribute("counts", counts);
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("months", months);
        model.addAttribute("year", year);
        model.addAttribute("deadlines", MonitoredDeadline.values());
        model.addAttribute("chartData", chartData(counts, months).replace("</", "<\\/"));
        addAlerts(user, dueWithinDays, model);
        return "dashboard";
    }

    /** The alert feed alone: what htmx fetches every few seconds. */
    @GetMapping("/dashboard/alerts")
    public String alerts(@RequestParam(required = false) Integer dueWithinDays, Model model) {
        addAlerts(CurrentUser.get(), dueWithinDays, model);
        return "dashboard :: alerts";
    }

    private void addAlerts(WeiquanUser user, Integer dueWithinDays, Model model) {
        int within = dueWithinDays == null ? DEFAULT_DUE_WITHIN_DAYS : Math.max(0, Math.min(366, dueWithinDays));
        AlertFeed feed = queries.query(new AlertFeedQuery(user.organisation(), null, null, null, 0, 20, within, today()),
                ResponseTypes.instanceOf(AlertFeed.class)).join();
        model.addAttribute("feed", feed);
        model.addAttribute("dueWithinDays", within);
    }

    private Rates rates(WeiquanUser user, LocalDate from, LocalDate to, District district) {
        return queries.query(new RatesQuery(user.organisation(), from, to, district), ResponseTypes.instanceOf(Rates.class))
                .join();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkQueueController.CHINA));
    }

    /** What the charts draw, with their labels in the user's language (ECharts reads it as JSON). */
    private String chartData(CaseCounts counts, List<MonthRates> months) throws JsonProcessingException {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("series", Map.of("open", label("dashboard.open", locale), "overdue", label("dashboard.overdue", locale),
                "closed", label("dashboard.closed", locale)));
        data.put("byKind", countsBy(List.of(CaseKind.values()), kind -> counts.byKind().get(kind),
                kind -> label("CaseKind." + kind, locale)));
        data.put("byDistrict", countsBy(List.of(District.values()), d -> counts.byDistrict().get(d),
                d -> label("District." + d, locale)));
        data.put("months", months.stream().map(m -> m.month().toString()).toList());
        Map<String, List<BigDecimal>> onTime = new LinkedHashMap<>();
        for (MonitoredDeadline deadline : MonitoredDeadline.values()) {
            List<BigDecimal> perMonth = months.stream().map(m -> percent(m.rates().onTime().get(deadline))).toList();
            if (perMonth.stream().anyMatch(v -> v != null)) onTime.put(label("MonitoredDeadline." + deadline, locale), perMonth);
        }
        data.put("onTime", onTime);
        Map<String, List<BigDecimal>> outcomes = new LinkedHashMap<>();
        outcomes.put(label("dashboard.mediation-success", locale),
                months.stream().map(m -> percent(m.rates().mediationSuccess())).toList());
        outcomes.put(label("dashboard.rectification", locale),
                months.stream().map(m -> percent(m.rates().rectification())).toList());
        outcomes.put(label("dashboard.satisfaction", locale),
                months.stream().map(m -> percent(m.rates().petitionSatisfiedOrBasically())).toList());
        data.put("outcomes", outcomes);
        return json.writeValueAsString(data);
    }

    private static <K> Map<String, Object> countsBy(List<K> keys, Function<K, Counts> countsOf, Function<K, String> labelOf) {
        List<String> labels = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        List<Long> overdue = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        for (K key : keys) {
            Counts c = countsOf.apply(key);
            if (c == null) c = Counts.NONE;
            labels.add(labelOf.apply(key));
            open.add(c.open());
            overdue.add(c.overdue());
            closed.add(c.closed());
        }
        return Map.of("labels", labels, "open", open, "overdue", overdue, "closed", closed);
    }

    /** A rate as a percentage with one decimal, or null when there was nothing to rate. */
    static BigDecimal percent(Rate rate) {
        return rate == null || rate.rate() == null ? null : rate.rate().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
