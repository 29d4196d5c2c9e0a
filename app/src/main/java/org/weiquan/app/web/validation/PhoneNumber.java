package org.weiquan.app.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A mainland mobile number (11 digits from 13–19) or a landline with area code (0512-12345678). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")
public @interface PhoneNumber {
    String message() default "is not a mobile number (11 digits) or a landline with area code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
