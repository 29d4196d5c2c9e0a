package org.weiquan.app.legalaid;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.weiquan.api.common.EventType;
import org.weiquan.api.legalaid.LegalAidCaseEvent;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** Legal-aid events are immutable records stored under stable names that are theirs alone. */
@AnalyzeClasses(packages = "org.weiquan", importOptions = ImportOption.DoNotIncludeTests.class)
class LegalAidArchitectureTest {

    @ArchTest
    static final ArchRule legal_aid_events_are_records_with_a_stable_type_name_and_a_revision =
            classes().that().implement(LegalAidCaseEvent.class)
                    .should().beRecords()
                    .andShould().beAnnotatedWith(EventType.class)
                    .andShould().beAnnotatedWith(Revision.class)
                    .because("events are immutable and stored under a name and revision that never change");

    @ArchTest
    static void the_event_rule_covers_every_permitted_event(JavaClasses imported) {
        Set<String> permitted = Arrays.stream(LegalAidCaseEvent.class.getPermittedSubclasses())
                .map(Class::getName).collect(Collectors.toSet());
        Set<String> implementing = imported.stream()
                .filter(c -> c.isAssignableTo(LegalAidCaseEvent.class) && !c.isInterface())
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(permitted).hasSize(18);
        assertThat(implementing).isEqualTo(permitted);
    }

    @ArchTest
    static void every_event_name_is_in_the_legal_aid_namespace_and_used_once(JavaClasses imported) {
        List<String> names = Arrays.stream(LegalAidCaseEvent.class.getPermittedSubclasses())
                .map(c -> c.getAnnotation(EventType.class).value()).toList();
        assertThat(names).allSatisfy(name -> assertThat(name).matches("legal-aid\\.[a-z]+(-[a-z]+)*"));
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    }
}
