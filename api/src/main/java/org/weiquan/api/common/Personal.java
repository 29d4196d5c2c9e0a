package org.weiquan.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that holds personal data, where the field is declared. Everything that must treat
 * personal data differently follows this mark and nothing else: the analysts' pseudonyms and
 * masking, the fields an analyst may search and filter on (none that is marked), and later the
 * encryption and erasure of personal data. A text field that is not marked is read as naming
 * nobody: a code, a number, an organisation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Personal {
    Kind value();

    enum Kind {
        /** A party's name. Beside the party's ID number it becomes the same pseudonym as the number. */
        PERSON_NAME,
        /** A resident identity card number (居民身份证号码). */
        ID_NUMBER,
        PHONE,
        /** The user name of a member of staff or a lawyer: the pseudonym they have when they act. */
        STAFF,
        /** A staff member's name as a roster had it: the pseudonym of the record's first {@link #STAFF} field. */
        STAFF_NAME,
        /**
         * Text as someone typed it (a claim, a summary, a note, a file name): it may hold names, ID
         * numbers and phone numbers. Analysts get it with those masked.
         */
        FREE_TEXT
    }
}
