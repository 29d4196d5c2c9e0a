package org.weiquan.app.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP test class that needs a store nobody else wrote to: one that counts over the whole store
 * (a monthly report's totals, every scheduled deadline) or races to create what only a first filing
 * creates (this year's case-number counter). It gets a context of its own, closed after it. Every
 * other class shares one context and is isolated by its own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "weiquan.test.fresh-store=true")
public @interface FreshStore {
}
