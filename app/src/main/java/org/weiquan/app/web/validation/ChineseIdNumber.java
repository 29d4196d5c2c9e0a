package org.weiquan.app.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An 18-character resident identity number (GB 11643) with a valid check character. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChineseIdNumber.Validator.class)
public @interface ChineseIdNumber {
    String message() default "is not a valid 18-character resident ID number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChineseIdNumber, String> {
        private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidNumber(value);
        }

        public static boolean isValidNumber(String value) {
            if (value.length() != 18) return false;
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') return false;
                sum += (c - '0') * WEIGHTS[i];
            }
            return Character.toUpperCase(value.charAt(17)) == CHECK[sum % 11];
        }
    }
}
