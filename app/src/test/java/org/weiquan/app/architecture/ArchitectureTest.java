package org.weiquan.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.weiquan.api.common.CaseLifecycle;
import org.weiquan.api.common.EventType;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.command.common.CaseRules;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.query.cases.CaseView;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries: the published language (api) knows no framework of persistence or Spring
 * and none of the modules that use it; command and query sides never see each other; only the
 * application sees them all. Every rule keeps ArchUnit's default of failing when its
 * {@code that()} selects no class, so a rule cannot pass by checking nothing.
 */
@AnalyzeClasses(packages = "org.weiquan",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    private static final String API = "org.weiquan.api..";
    private static final String COMMAND = "org.weiquan.command..";
    private static final String QUERY = "org.weiquan.query..";
    private static final String APP = "org.weiquan.app..";

    /**
     * Test code packaged as a test jar (the eventstore module's in-process server, on this module's
     * test class path) is test code too; {@code DoNotIncludeTests} only knows test-classes folders,
     * which is what Maven puts on the class path up to the test phase but not from package on.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule the_api_depends_on_no_spring_and_no_persistence_framework =
            noClasses().that().resideInAPackage(API)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..")
                    .because("the api is the published language every side and client shares");

    @ArchTest
    static final ArchRule the_api_depends_on_neither_command_query_nor_app =
            noClasses().that().resideInAPackage(API)
                    .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, APP);

    @ArchTest
    static final ArchRule the_command_side_never_depends_on_the_query_side =
            noClasses().that().resideInAPackage(COMMAND)
                    .should().dependOnClassesThat().resideInAPackage(QUERY)
                    .because("decisions are made on the event-sourced aggregate, never on read models");

    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side =
            noClasses().that().resideInAPackage(QUERY)
                    .should().dependOnClassesThat().resideInAPackage(COMMAND)
                    .because("read models are built from events only");

    @ArchTest
    static final ArchRule the_command_side_does_not_depend_on_the_app =
            noClasses().that().resideInAPackage(COMMAND)
                    .should().dependOnClassesThat().resideInAPackage(APP);

    @ArchTest
    static final ArchRule no_controller_consults_the_roster_or_panel_to_decide =
            noClasses().that().resideInAPackage(APP).and().haveSimpleNameEndingWith("Controller")
                    .and().doNotHaveSimpleName("ReferenceDataController")
                    .should().dependOnClassesThat().haveFullyQualifiedName("org.weiquan.app.reference.ReferenceData")
                    .because("whether a mediator or lawyer may be assigned is the aggregate's decision: it consults"
                            + " MediatorRoster and LawyerPanel itself (issue 12)");

    @ArchTest
    static final ArchRule no_controller_applies_a_filing_or_data_rule_itself =
            noClasses().that().resideInAPackage(APP).and().haveSimpleNameEndingWith("Controller")
                    .should().dependOnClassesThat().haveFullyQualifiedName(OrganisationAreas.class.getName())
                    .orShould().dependOnClassesThat().haveFullyQualifiedName(CaseRules.class.getName())
                    .because("whether a district is within the organisation's area, and every other rule of a"
                            + " case's data, is decided by the aggregate (issue 12)");

    @ArchTest
    static final ArchRule the_app_does_not_fold_events_into_a_case_view_itself =
            noClasses().that().resideInAPackage(APP)
                    .should().callMethodWhere(DescribedPredicate.describe("applies an event to a case view",
                            call -> call.getTargetOwner().isAssignableTo(CaseView.class)
                                    && Set.of("apply", "link").contains(call.getName())))
                    .because("a case as it stood at an instant is folded by its kind's ViewMapping, with the"
                            + " same apply its projections use (ADR 34)");

    @ArchTest
    static final ArchRule every_event_that_closes_a_case_says_so =
            classes().that().resideInAPackage(API).and().haveSimpleNameEndingWith("ClosedEvent")
                    .should().implement(CaseLifecycle.Closes.class)
                    .because("the command side keeps whether a case is open from these events alone (CaseOpenState)");

    @ArchTest
    static final ArchRule the_query_side_does_not_depend_on_the_app =
            noClasses().that().resideInAPackage(QUERY)
                    .should().dependOnClassesThat().resideInAPackage(APP);

    @ArchTest
    static final ArchRule labour_dispute_events_are_records_with_a_stable_type_name_and_a_revision =
            classes().that().implement(LabourDisputeEvent.class)
                    .should().beRecords()
                    .andShould().beAnnotatedWith(EventType.class)
                    .andShould().beAnnotatedWith(Revision.class)
                    .because("events are immutable and stored under a name and revision that never change");

    /** Guards the rules above against a classpath that silently lost a module. */
    @ArchTest
    static void every_module_is_imported(JavaClasses imported) {
        Set<String> packages = imported.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).anyMatch(p -> p.startsWith("org.weiquan.api."))
                .anyMatch(p -> p.startsWith("org.weiquan.command."))
                .anyMatch(p -> p.startsWith("org.weiquan.query."))
                .anyMatch(p -> p.startsWith("org.weiquan.app"));
        assertThat(imported.stream().map(JavaClass::getName))
                .noneMatch(name -> name.endsWith("Test") || name.contains("Test$"));
    }

    /** The event rule sees every event the sealed interface permits, not just some of them. */
    @ArchTest
    static void the_event_rule_covers_every_permitted_event(JavaClasses imported) {
        Set<String> permitted = Arrays.stream(LabourDisputeEvent.class.getPermittedSubclasses())
                .map(Class::getName).collect(Collectors.toSet());
        Set<String> implementing = imported.stream()
                .filter(c -> c.isAssignableTo(LabourDisputeEvent.class) && !c.isInterface())
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(permitted).isNotEmpty();
        assertThat(implementing).isEqualTo(permitted);
    }
}
