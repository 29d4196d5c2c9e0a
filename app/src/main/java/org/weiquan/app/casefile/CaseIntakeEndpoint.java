package org.weiquan.app.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the API endpoint that files a case of its kind: the intake page builds its form from this
 * endpoint's request record and sends the form through it, so a page and a script file a case the
 * same way (validation, idempotency, the duplicate check).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CaseIntakeEndpoint {
}
