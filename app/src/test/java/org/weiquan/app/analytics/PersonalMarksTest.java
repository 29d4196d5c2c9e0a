package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Personal;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.app.casefile.PartyKeys;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal-data marks of every event of every kind: every text field is marked or reviewed as
 * naming nobody, and every marked field reaches analysts as a pseudonym or masked.
 */
class PersonalMarksTest {
    private static final String NAME = "张三丰";
    private static final String ID_NUMBER = "320502199001011234";
    private static final String PHONE = "13912345678";
    private static final String STAFF = "officer.wang";
    private static final String STAFF_NAME = "王调解员";
    private static final String FREE_TEXT = NAME + "来电" + PHONE + "，身份证" + ID_NUMBER;
    private static final String CODE = "code-1";

    /**
     * Text fields of events that name nobody: codes, numbers, organisations and bodies. A new text
     * field fails this test until it is marked or added here, after asking whether it can hold a name.
     */
    private static final Set<String> REVIEWED_AS_NAMING_NOBODY = Set.of(
            // numbers and codes
            "CaseNumber.value", "OrganisationId.value", "Employer.creditCode",
            "ArbitrationAcceptedEvent.arbitrationCaseNumber", "HazardListedForSupervisionEvent.documentNumber",
            "MajorHazardReportedEvent.reference", "MaterialAddedEvent.mediaType", "MaterialAddedEvent.sha256",
            "EvidenceAttachment.mediaType", "EvidenceAttachment.sha256",
            "CaseLinkedEvent.caseId", "CaseLinkedEvent.linkedCaseId", "CaseLinkedEvent.linkedCaseNumber",
            "DuplicateElsewhereFlaggedEvent.caseId", "DuplicateElsewhereFlaggedEvent.otherCaseId",
            // an employer, a commission, a union unit or body: organisations, not people
            "Employer.name", "DisputeReferredToArbitrationEvent.commission",
            "PetitionAssignedEvent.handlingUnit", "CompetenceObjectedEvent.handlingUnit",
            "ReviewRequestedEvent.reviewingBody", "ReexaminationRequestedEvent.reexaminingBody");

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(
            new PartyKeys(Base64.getEncoder().encodeToString(new byte[32]), "unused"), PseudonymiserTest.JSON);

    static List<Class<?>> events() {
        return Stream.concat(Stream.of(LabourDisputeEvent.class, SafetyHazardEvent.class, LegalAidCaseEvent.class,
                                PetitionEvent.class).flatMap(kind -> Arrays.stream(kind.getPermittedSubclasses())),
                        Stream.of(CaseLinkedEvent.class, DuplicateElsewhereFlaggedEvent.class))
                .toList();
    }

    @Test
    void every_text_field_of_every_event_is_marked_or_reviewed_as_naming_nobody() {
        Set<String> unmarked = new TreeSet<>();
        events().forEach(event -> collectUnmarkedText(event, unmarked));

        assertThat(unmarked).containsExactlyInAnyOrderElementsOf(REVIEWED_AS_NAMING_NOBODY);
    }

    @Test
    void every_free_text_field_of_every_kind_reaches_analysts_masked_and_every_other_mark_as_a_pseudonym() throws Exception {
        Map<String, String> parties = pseudonymiser.parties(new Worker(NAME, ID_NUMBER, null));
        String masked = parties.get(NAME) + "来电[电话]，身份证[身份证号]";
        int freeTextFields = 0;
        Set<String> kindsWithFreeText = new TreeSet<>();
        for (Class<?> event : events()) {
            JsonNode out = pseudonymiser.pseudonymise(sample(event), parties);

            assertThat(out.toString()).as(event.getSimpleName())
                    .doesNotContain(NAME, ID_NUMBER, PHONE, STAFF, STAFF_NAME);
            for (RecordComponent component : event.getRecordComponents()) {
                Personal mark = component.getAnnotation(Personal.class);
                if (mark == null || mark.value() != Personal.Kind.FREE_TEXT) continue;
                JsonNode value = out.path(component.getName());
                assertThat(value.isArray() ? value.get(0).asText() : value.asText())
                        .as(event.getSimpleName() + "." + component.getName()).isEqualTo(masked);
                freeTextFields++;
                kindsWithFreeText.add(event.getEnclosingClass() == null ? event.getSimpleName()
                        : event.getEnclosingClass().getSimpleName());
            }
        }
        assertThat(kindsWithFreeText).containsExactlyInAnyOrder("LabourDisputeEvent", "SafetyHazardEvent",
                "LegalAidCaseEvent", "PetitionEvent", "CaseLinkedEvent");
        assertThat(freeTextFields).isGreaterThan(40);
    }

    private static void collectUnmarkedText(Class<?> record, Set<String> unmarked) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(Personal.class)) continue;
            Class<?> type = elementClass(component.getGenericType());
            if (type == String.class || type == OfficerId.class) {
                unmarked.add(record.getSimpleName() + "." + component.getName());
            } else if (type.isRecord() && type.getPackageName().startsWith("org.weiquan.api")) {
                collectUnmarkedText(type, unmarked);
            }
        }
    }

    private static Class<?> elementClass(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) return elementClass(p.getActualTypeArguments()[0]);
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return (Class<?>) type;
    }

    /** An instance of {@code record} with every personal field holding a sample of its kind. */
    private static Object sample(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Personal mark = components[i].getAnnotation(Personal.class);
            values[i] = sample(components[i].getGenericType(), mark == null ? null : mark.value());
        }
        Constructor<?> canonical = record.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return canonical.newInstance(values);
    }

    private static Object sample(Type type, Personal.Kind mark) throws Exception {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> list = new ArrayList<>();
            list.add(sample(p.getActualTypeArguments()[0], mark));
            return list;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return mark == null ? CODE : switch (mark) {
            case PERSON_NAME -> NAME;
            case ID_NUMBER -> ID_NUMBER;
            case PHONE -> PHONE;
            case STAFF -> STAFF;
            case STAFF_NAME -> STAFF_NAME;
            case FREE_TEXT -> FREE_TEXT;
        };
        if (c == OfficerId.class) return new OfficerId(mark == null ? CODE : STAFF);
        if (c == CaseNumber.class) return new CaseNumber("LD-2026-000001");
        if (c == OrganisationId.class) return new OrganisationId("szftu/gusu");
        if (c == UUID.class) return UUID.randomUUID();
        if (c == LocalDate.class) return LocalDate.of(2026, 11, 20);
        if (c == Instant.class) return Instant.parse("2026-11-20T08:00:00Z");
        if (c == BigDecimal.class) return BigDecimal.TEN;
        if (c == int.class || c == Integer.class) return 1;
        if (c == long.class || c == Long.class) return 1L;
        if (c == boolean.class || c == Boolean.class) return false;
        if (c.isEnum()) return c.getEnumConstants()[0];
        if (c.isRecord()) return sample(c);
        throw new IllegalArgumentException("no sample for " + c);
    }
}
