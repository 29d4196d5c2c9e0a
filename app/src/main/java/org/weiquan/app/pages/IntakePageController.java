package org.weiquan.app.pages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.casefile.DuplicateCheck;
import org.weiquan.app.casefile.Parties;
import org.weiquan.app.casefile.PossibleDuplicate;
import org.weiquan.app.casefile.RegisteredCase;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.WeiquanUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 登记新案: an officer files a case of any kind from its form, which is the kind's filing API
 * request. The possible duplicates are shown while the officer types an ID number or a credit code
 * (and with 查重 without JavaScript) and again on the new case's page; the form's idempotency key
 * files one case however often it is sent.
 */
@Controller
@RequestMapping("/cases/new")
public class IntakePageController {
    private static final String ROWS = "rows.";
    private final CaseIntakeForms forms;
    private final CaseActionSender sender;
    private final DuplicateCheck duplicates;
    private final CaseAccess access;
    private final CaseReadSide readSide;
    private final ObjectMapper json;
    private final Clock clock;

    public IntakePageController(CaseIntakeForms forms, CaseActionSender sender, DuplicateCheck duplicates,
                                CaseAccess access, CaseReadSide readSide, ObjectMapper json, Clock clock) {
        this.forms = forms;
        this.sender = sender;
        this.duplicates = duplicates;
        this.access = access;
        this.readSide = readSide;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    public String kinds(Model model) {
        model.addAttribute("kinds", forms.kinds().stream().map(CaseIntakeForms::slugOf).toList());
        return "intake-kinds";
    }

    @GetMapping("/{kind}")
    public String form(@PathVariable String kind, Model model) {
        return render(formOf(kind, Map.of()), Map.of(), UUID.randomUUID().toString(), model);
    }

    /**
     * The form sent: with {@code addRow} it comes back with one more row of that group, with
     * {@code check} with the possible duplicates; else the case is filed through the kind's API
     * endpoint and its page follows, or the form comes back with the refusal beside its fields.
     */
    @PostMapping("/{kind}")
    public String file(@PathVariable String kind, @RequestParam String idempotencyKey,
                       @RequestParam(required = false) String addRow, @RequestParam(required = false) String check,
                       @RequestParam Map<String, String> values, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, Integer> rows = rowsOf(values);
        CaseIntakeForms.IntakeForm form = formOf(kind, rows);
        Map<String, String> entered = compact(form, values);
        for (FormFields.Group group : form.groups()) {
            if (!group.name().equals(addRow)) continue;
            rows.put(group.name(), group.rows() + 1);
            return render(formOf(kind, rows), entered, idempotencyKey, model);
        }
        if (check != null) {
            model.addAttribute("duplicates", visibleDuplicates(form, entered));
            return render(form, entered, idempotencyKey, model);
        }
        WeiquanUser user = CurrentUser.get();
        CaseActionSender.Result result = sender.send(form, null, null, idempotencyKey, entered, request);
        if (result.done()) {
            Map<String, Object> answer = json.convertValue(result.answer(), new TypeReference<>() {
            });
            String number = String.valueOf(answer.get("caseNumber"));
            List<PossibleDuplicate> found = json.convertValue(answer.get("possibleDuplicates"), new TypeReference<>() {
            });
            RegisteredCase filed = access.visibleCase(number, user);
            readSide.awaitShown(filed, user, null);
            redirect.addFlashAttribute("filed", number);
            redirect.addFlashAttribute("possibleDuplicates", found == null ? List.of() : found);
            return "redirect:/cases/" + number;
        }
        result.showRefusal(model, response);
        return render(form, entered, idempotencyKey, model);
    }

    /** The possible duplicates of what the form holds now (htmx, as the officer types). */
    @PostMapping("/{kind}/duplicates")
    public String duplicates(@PathVariable String kind, @RequestParam Map<String, String> values, Model model) {
        CaseIntakeForms.IntakeForm form = formOf(kind, rowsOf(values));
        model.addAttribute("duplicates", visibleDuplicates(form, values));
        return "intake :: duplicates";
    }

    private String render(CaseIntakeForms.IntakeForm form, Map<String, String> values, String idempotencyKey,
                          Model model) {
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("today", LocalDate.now(clock.withZone(WorkQueueController.CHINA)));
        model.addAttribute("duplicatesUrl", "/cases/new/" + form.slug() + "/duplicates");
        if (!model.containsAttribute("fieldErrors")) model.addAttribute("fieldErrors", Map.of());
        return "intake";
    }

    private CaseIntakeForms.IntakeForm formOf(String slug, Map<String, Integer> rows) {
        return CaseIntakeForms.kindOf(slug).flatMap(kind -> forms.form(kind, rows))
                .orElseThrow(() -> new CaseNotFoundException(slug));
    }

    /**
     * Open cases of the same worker or employer that the officer may see. Before filing, a case
     * elsewhere is not even said to exist: that is told once, with the filing, which is recorded.
     */
    private List<PossibleDuplicate> visibleDuplicates(CaseIntakeForms.IntakeForm form, Map<String, String> values) {
        List<String> idNumbers = new ArrayList<>();
        List<String> creditCodes = new ArrayList<>();
        for (FormFields.Field field : form.fields()) {
            String value = values.get(field.name());
            if (!field.partyKey() || value == null || value.isBlank()) continue;
            (field.name().endsWith("idNumber") ? idNumbers : creditCodes).add(value.strip().toUpperCase());
        }
        return duplicates.find(form.kind(), new Parties(idNumbers, creditCodes), null, CurrentUser.get().organisation())
                .shown().stream().filter(d -> !d.outsideYourOrganisation()).toList();
    }

    private static Map<String, Integer> rowsOf(Map<String, String> values) {
        Map<String, Integer> rows = new HashMap<>();
        values.forEach((name, value) -> {
            if (!name.startsWith(ROWS)) return;
            try {
                rows.put(name.substring(ROWS.length()), Math.min(FormFields.MAX_ROWS, Math.max(1, Integer.parseInt(value))));
            } catch (NumberFormatException ignored) {
                // a tampered count: one row
            }
        });
        return rows;
    }

    /**
     * The entered values with each group's filled rows first and in order, so that a blank row in
     * between neither files an empty person nor shifts the messages to another row.
     */
    private static Map<String, String> compact(CaseIntakeForms.IntakeForm form, Map<String, String> values) {
        Map<String, String> entered = new LinkedHashMap<>(values);
        for (FormFields.Group group : form.groups()) {
            int next = 0;
            Map<String, String> moved = new LinkedHashMap<>();
            for (int row = 0; row < group.rows(); row++) {
                String prefix = group.name() + "[" + row + "].";
                Map<String, String> ofRow = new LinkedHashMap<>();
                for (FormFields.Field field : form.fields()) {
                    if (!field.name().startsWith(prefix)) continue;
                    String value = entered.remove(field.name());
                    if (value != null && !value.isBlank()) ofRow.put(field.name().substring(prefix.length()), value);
                }
                if (ofRow.isEmpty()) continue;
                String target = group.name() + "[" + next++ + "].";
                ofRow.forEach((name, value) -> moved.put(target + name, value));
            }
            entered.putAll(moved);
        }
        return entered;
    }
}
