package org.weiquan.app.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unified social credit code (统一社会信用代码, GB 32100-2015) with a valid check character. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CreditCode.Validator.class)
public @interface CreditCode {
    String message() default "is not a valid 18-character unified social credit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CreditCode, String> {
        private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidCode(value);
        }

        public static boolean isValidCode(String value) {
            if (value.length() != 18) return false;
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                int digit = ALPHABET.indexOf(value.charAt(i));
                if (digit < 0) return false;
                sum += digit * WEIGHTS[i];
            }
            int check = (31 - sum % 31) % 31;
            return value.charAt(17) == ALPHABET.charAt(check);
        }
    }
}
