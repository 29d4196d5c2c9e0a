package org.weiquan.app.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the API endpoint of one action of its kind's table ({@code DisputeAction.ACCEPT} is
 * {@code @CaseActionEndpoint("ACCEPT")}): the case page offers the action as a form and sends it
 * through this same endpoint, so the page and the API share one path to the command.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CaseActionEndpoint {
    /** The action's name in its kind's table. */
    String value();
}
