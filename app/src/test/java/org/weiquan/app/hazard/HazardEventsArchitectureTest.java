package org.weiquan.app.hazard;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.weiquan.api.common.EventType;
import org.weiquan.api.hazard.SafetyHazardEvent;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The safety hazard events follow the rules of every stored event. */
@AnalyzeClasses(packages = "org.weiquan", importOptions = ImportOption.DoNotIncludeTests.class)
class HazardEventsArchitectureTest {

    @ArchTest
    static final ArchRule safety_hazard_events_are_records_with_a_stable_type_name_and_a_revision =
            classes().that().implement(SafetyHazardEvent.class)
                    .should().beRecords()
                    .andShould().beAnnotatedWith(EventType.class)
                    .andShould().beAnnotatedWith(Revision.class)
                    .because("events are immutable and stored under a name and revision that never change");

    @ArchTest
    static void the_event_rule_covers_every_permitted_event(JavaClasses imported) {
        Set<String> permitted = Arrays.stream(SafetyHazardEvent.class.getPermittedSubclasses())
                .map(Class::getName).collect(Collectors.toSet());
        Set<String> implementing = imported.stream()
                .filter(c -> c.isAssignableTo(SafetyHazardEvent.class) && !c.isInterface())
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(permitted).hasSize(14);
        assertThat(implementing).isEqualTo(permitted);
    }

    @ArchTest
    static void every_safety_hazard_event_name_is_in_the_kind_s_namespace(JavaClasses imported) {
        assertThat(Arrays.stream(SafetyHazardEvent.class.getPermittedSubclasses())
                .map(type -> type.getAnnotation(EventType.class).value()))
                .allMatch(name -> name.matches("safety-hazard\\.[a-z]+(-[a-z0-9]+)*"))
                .doesNotHaveDuplicates();
    }
}
