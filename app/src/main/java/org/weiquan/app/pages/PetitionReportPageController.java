package org.weiquan.app.pages;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.weiquan.app.report.PetitionReportController;
import org.weiquan.app.report.PetitionReportSheet;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * 信访分析月报 for any month: the report's tables as the office reads them, laid out to print on A4,
 * with the same report as CSV and as an Excel workbook from the report API.
 */
@Controller
public class PetitionReportPageController {
    private final PetitionReportController reports;
    private final MessageSource messages;
    private final Clock clock;

    public PetitionReportPageController(PetitionReportController reports, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reports/petitions")
    public String report(@RequestParam(required = false) String month, Model model) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(WorkQueueController.CHINA));
        YearMonth shown;
        try {
            shown = month == null || month.isBlank() ? thisMonth : YearMonth.parse(month.strip());
        } catch (DateTimeParseException notAMonth) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be yyyy-MM");
        }
        model.addAttribute("month", shown);
        model.addAttribute("thisMonth", thisMonth);
        model.addAttribute("sheet", PetitionReportSheet.of(reports.report(shown), messages, LocaleContextHolder.getLocale()));
        return "report-petitions";
    }
}
