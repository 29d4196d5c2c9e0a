package org.weiquan.app.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.EventType;
import org.weiquan.query.history.EventSummaries;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stable event name has its one-line summary in English and Chinese for the audit trail. */
class EventLabelsTest {

    @Test
    void every_event_type_has_an_audit_summary_line() {
        List<String> eventTypes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.weiquan.api").stream()
                .filter(c -> c.isAnnotatedWith(EventType.class))
                .map(JavaClass::reflect)
                .map(c -> c.getAnnotation(EventType.class).value())
                .toList();

        assertThat(eventTypes).hasSizeGreaterThan(30);
        assertThat(eventTypes).allSatisfy(type ->
                assertThat(EventSummaries.standard().knows(type)).as("a label line for %s", type).isTrue());
    }
}
