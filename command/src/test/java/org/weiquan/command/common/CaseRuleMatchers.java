package org.weiquan.command.common;

import org.axonframework.deadline.DeadlineMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.weiquan.api.common.CaseRuleException;
import org.weiquan.api.common.InvalidCaseDataException;

import java.util.List;

import static org.hamcrest.Matchers.allOf;

/** Fixture matchers for refused commands: the exception type, its stable code and the field it blames. */
public final class CaseRuleMatchers {
    private CaseRuleMatchers() {
    }

    /** A refusal of the given type whose stable {@code code()} is {@code code}. */
    public static Matcher<Object> refused(Class<? extends CaseRuleException> type, String code) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && code.equals(((CaseRuleException) actual).code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " with code ").appendValue(code);
            }

            @Override
            public void describeMismatch(Object item, Description description) {
                if (item instanceof CaseRuleException e) {
                    description.appendText("was " + e.getClass().getSimpleName() + " with code ")
                            .appendValue(e.code()).appendText(": " + e.getMessage());
                } else {
                    description.appendText("was ").appendValue(item);
                }
            }
        };
    }

    /** An {@link InvalidCaseDataException} with the given code, blaming the given command field. */
    public static Matcher<Object> invalid(String code, String field) {
        Matcher<Object> blamesField = new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof InvalidCaseDataException e && field.equals(e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("blaming field ").appendValue(field);
            }

            @Override
            public void describeMismatch(Object item, Description description) {
                if (item instanceof InvalidCaseDataException e) {
                    description.appendText("blamed ").appendValue(e.field());
                } else {
                    description.appendText("was ").appendValue(item);
                }
            }
        };
        return allOf(refused(InvalidCaseDataException.class, code), blamesField);
    }

    /** Every deadline met was named {@code name}, and there was at least one. */
    public static Matcher<List<DeadlineMessage<?>>> onlyDeadlinesNamed(String name) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof List<?> list && !list.isEmpty() && list.stream()
                        .allMatch(m -> m instanceof DeadlineMessage<?> d && name.equals(d.getDeadlineName()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("deadlines all named ").appendValue(name);
            }
        };
    }
}
