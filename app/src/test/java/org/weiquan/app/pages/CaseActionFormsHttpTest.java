package org.weiquan.app.pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.app.support.HttpIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page's action forms come from the kinds' action tables and the API's endpoints: every
 * action has its form (but those whose body a plain form cannot carry), and every label a form shows
 * is in both languages.
 */
class CaseActionFormsHttpTest extends HttpIntegrationTest {
    @Autowired
    CaseActionForms forms;
    @Autowired
    List<CaseKindSupport> kinds;
    @Autowired
    MessageSource messages;

    @Test
    void every_action_of_every_kind_has_its_form_but_those_that_carry_files() {
        Set<String> withoutForm = new TreeSet<>();
        for (CaseKindSupport kind : kinds) {
            Set<String> offered = new TreeSet<>();
            forms.all(kind.kind()).forEach(form -> offered.add(form.name()));
            kind.actions().stream().filter(a -> !offered.contains(a.name()))
                    .forEach(a -> withoutForm.add(kind.kind() + "." + a.name()));
        }
        assertThat(withoutForm).containsExactlyInAnyOrder("SAFETY_HAZARD.SUBMIT_RECTIFICATION",
                "PETITION.ADD_MATERIAL", "PETITION.MARK_MATERIAL_AS_WHISTLEBLOWER");
    }

    @Test
    void a_filed_dispute_offers_acceptance_and_closure_and_nothing_of_mediation_yet() {
        assertThat(forms.allowedNow(CaseKind.LABOUR_DISPUTE, DisputeStatus.FILED.name()))
                .extracting(CaseActionForms.Form::name)
                .containsExactly("ACCEPT", "REFER_TO_ARBITRATION", "CLOSE");
        assertThat(forms.allowedNow(CaseKind.LABOUR_DISPUTE, DisputeStatus.CLOSED.name())).isEmpty();
        CaseActionForms.Form accept = forms.form(CaseKind.LABOUR_DISPUTE, "ACCEPT").orElseThrow();
        assertThat(accept.fields()).singleElement().satisfies(field -> {
            assertThat(field.name()).isEqualTo("acceptedOn");
            assertThat(field.input()).isEqualTo("date");
            assertThat(field.required()).isTrue();
        });
    }

    @Test
    void every_label_of_every_form_is_there_in_chinese_and_in_english() {
        List<String> missing = new ArrayList<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (CaseKindSupport kind : kinds) {
                for (CaseActionForms.Form form : forms.all(kind.kind())) {
                    check(form.labelKey(), locale, missing);
                    for (CaseActionForms.Field field : form.fields()) {
                        check("field." + field.name(), locale, missing);
                        field.options().forEach(option -> check(field.labelPrefix() + "." + option, locale, missing));
                    }
                }
            }
        }
        assertThat(new TreeSet<>(missing)).isEmpty();
    }

    private void check(String key, Locale locale, List<String> missing) {
        String label = messages.getMessage(key, null, null, locale);
        if (label == null) missing.add(locale + ":" + key);
        else if (locale.equals(Locale.ENGLISH) && label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)) missing.add("en (still Chinese):" + key);
    }
}
