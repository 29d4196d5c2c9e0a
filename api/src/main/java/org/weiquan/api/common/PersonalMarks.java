package org.weiquan.api.common;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/** Reads the {@link Personal} marks of a record's fields. */
public final class PersonalMarks {
    private PersonalMarks() {
    }

    /** The mark of {@code component} of {@code record}; empty when the field is not personal data. */
    public static Optional<Personal.Kind> of(Class<? extends Record> record, String component) {
        RecordComponent found = Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getName().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(record.getSimpleName() + " has no field " + component));
        return Optional.ofNullable(found.getAnnotation(Personal.class)).map(Personal::value);
    }

    public static boolean isPersonal(Class<? extends Record> record, String component) {
        return of(record, component).isPresent();
    }
}
