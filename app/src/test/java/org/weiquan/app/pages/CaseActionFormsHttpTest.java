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
    @Autowired
    CaseIntakeForms intakeForms;

    @Test
    void every_action_of_every_kind_has_its_form_but_the_petitions_materials() {
        Set<String> withoutForm = new TreeSet<>();
        for (CaseKindSupport kind : kinds) {
            Set<String> offered = new TreeSet<>();
            forms.all(kind.kind()).forEach(form -> offered.add(form.name()));
            kind.actions().stream().filter(a -> !offered.contains(a.name()))
                    .forEach(a -> withoutForm.add(kind.kind() + "." + a.name()));
        }
        // a petition's materials are kept apart from those it accuses (§30): not on a page yet
        assertThat(withoutForm).containsExactlyInAnyOrder("PETITION.ADD_MATERIAL", "PETITION.MARK_MATERIAL_AS_WHISTLEBLOWER");
        CaseActionForms.Form rectification = forms.form(CaseKind.SAFETY_HAZARD, "SUBMIT_RECTIFICATION").orElseThrow();
        assertThat(rectification.hasFiles()).isTrue();
        assertThat(rectification.fields()).extracting(FormFields.Field::name, FormFields.Field::input)
                .contains(org.assertj.core.groups.Tuple.tuple("evidence", "files"));
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
                    for (FormFields.Field field : form.fields()) {
                        check(field.labelKey(), locale, missing);
                        field.options().forEach(option -> check(field.labelPrefix() + "." + option, locale, missing));
                    }
                }
            }
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (CaseKind kind : intakeForms.kinds()) {
                CaseIntakeForms.IntakeForm form = intakeForms.form(kind, java.util.Map.of()).orElseThrow();
                check("intake." + form.slug(), locale, missing);
                check("intake.hint." + form.slug(), locale, missing);
                for (FormFields.Field field : form.fields()) {
                    check(field.labelKey(), locale, missing);
                    field.options().forEach(option -> check(field.labelPrefix() + "." + option, locale, missing));
                }
                form.groups().forEach(group -> {
                    check("group." + group.name(), locale, missing);
                    check("intake.add." + group.name(), locale, missing);
                });
            }
        }
        assertThat(new TreeSet<>(missing)).isEmpty();
    }

    @Test
    void every_kind_has_an_intake_form_whose_people_are_rows_and_whose_files_are_left_to_the_case_page() {
        assertThat(intakeForms.kinds()).containsExactly(CaseKind.values());
        CaseIntakeForms.IntakeForm dispute = intakeForms.form(CaseKind.LABOUR_DISPUTE, java.util.Map.of("workers", 3))
                .orElseThrow();
        assertThat(dispute.groups()).extracting(FormFields.Group::name, FormFields.Group::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("workers", 3));
        assertThat(dispute.fields()).extracting(FormFields.Field::name)
                .contains("workers[2].idNumber", "employer.creditCode", "appliedOn").doesNotContain("disputeId");
        assertThat(dispute.fields()).filteredOn(FormFields.Field::partyKey).extracting(FormFields.Field::name)
                .containsExactly("workers[0].idNumber", "workers[1].idNumber", "workers[2].idNumber", "employer.creditCode");
        assertThat(intakeForms.form(CaseKind.PETITION, java.util.Map.of()).orElseThrow().fields())
                .extracting(FormFields.Field::name).contains("petitioners[0].name", "whistleblower")
                .noneMatch(name -> name.startsWith("materials"));
    }

    private void check(String key, Locale locale, List<String> missing) {
        String label = messages.getMessage(key, null, null, locale);
        if (label == null) missing.add(locale + ":" + key);
        else if (locale.equals(Locale.ENGLISH) && label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)) missing.add("en (still Chinese):" + key);
    }
}
