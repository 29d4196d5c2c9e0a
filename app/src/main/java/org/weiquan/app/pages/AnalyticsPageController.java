package org.weiquan.app.pages;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.weiquan.app.analytics.AnalystExports;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;

/**
 * 数据分析: the analyst's pseudonymised event export for a window of days (in China), written in
 * the background with its progress shown as it goes, then downloaded; the dashboard and the monthly
 * report are the analyst's reports and rates. Nothing here shows a person's name, ID number or phone.
 */
@Controller
public class AnalyticsPageController {
    private final AnalystExports exports;
    private final Clock clock;

    public AnalyticsPageController(AnalystExports exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    public String analytics(@RequestParam(required = false) String export, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(WorkQueueController.CHINA));
        model.addAttribute("from", today.minusDays(29));
        model.addAttribute("to", today);
        model.addAttribute("today", today);
        if (export != null) {
            model.addAttribute("status", exports.status(CurrentUser.get().username(), export)
                    .orElseThrow(() -> new CaseNotFoundException(export)));
        }
        return "analytics";
    }

    /** Starts the export of the days {@code from} to {@code to}, both included. */
    @PostMapping("/analytics/exports")
    public String start(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AnalystExports.Status started = exports.start(CurrentUser.get().username(),
                from.atStartOfDay(WorkQueueController.CHINA).toInstant(),
                to.plusDays(1).atStartOfDay(WorkQueueController.CHINA).toInstant());
        return "redirect:/analytics?export=" + started.id();
    }

    /** The export's progress alone: what htmx fetches while it runs. */
    @GetMapping("/analytics/exports/{id}")
    public String progress(@PathVariable String id, Model model) {
        model.addAttribute("status", exports.status(CurrentUser.get().username(), id)
                .orElseThrow(() -> new CaseNotFoundException(id)));
        return "analytics :: progress";
    }

    @GetMapping("/analytics/exports/{id}/file")
    public ResponseEntity<Resource> download(@PathVariable String id) {
        var file = exports.file(CurrentUser.get().username(), id).orElseThrow(() -> new CaseNotFoundException(id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("events.jsonl").build().toString())
                .body(new FileSystemResource(file));
    }
}
