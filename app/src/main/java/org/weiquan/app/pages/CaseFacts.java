package org.weiquan.app.pages;

import org.weiquan.api.common.CaseLink;
import org.weiquan.app.casefile.PointInTime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the case page reads from a kind's detail record without knowing the kind: its deadlines (every
 * {@code …DueOn} date, with the statute that sets it where the bundles name one), its links, its
 * status; and of a difference between two instants, the plain fields that changed (people, lists and
 * documents are left to the history, which shows them to those who may see them).
 */
public final class CaseFacts {
    private CaseFacts() {
    }

    /** A deadline of the case: its field (its label is {@code field.<name>}, its statute {@code statute.<name>}). */
    public record Deadline(String name, LocalDate dueOn) {
    }

    public static List<Deadline> deadlines(Object detail) {
        List<Deadline> deadlines = new ArrayList<>();
        if (detail == null || !detail.getClass().isRecord()) return deadlines;
        for (RecordComponent component : detail.getClass().getRecordComponents()) {
            if (component.getType() != LocalDate.class || !component.getName().endsWith("DueOn")) continue;
            Object due = value(detail, component);
            if (due != null) deadlines.add(new Deadline(component.getName(), (LocalDate) due));
        }
        return deadlines;
    }

    @SuppressWarnings("unchecked")
    public static List<CaseLink> links(Object detail) {
        Object links = component(detail, "links");
        return links instanceof List<?> list ? (List<CaseLink>) list : List.of();
    }

    public static String status(Object detail) {
        Object status = component(detail, "status");
        return status == null ? null : status.toString();
    }

    /** The changes of plain values (text, numbers, dates, yes/no); nested records and lists are left out. */
    public static List<PointInTime.FieldChange> plainChanges(PointInTime.Difference difference) {
        return difference.changes().stream()
                .filter(change -> plain(change.before()) && plain(change.after()))
                .filter(change -> !change.field().equals("version") && !change.field().equals("lastChangedAt"))
                .toList();
    }

    private static boolean plain(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    private static Object component(Object detail, String name) {
        if (detail == null || !detail.getClass().isRecord()) return null;
        for (RecordComponent component : detail.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) return value(detail, component);
        }
        return null;
    }

    private static Object value(Object detail, RecordComponent component) {
        try {
            return component.getAccessor().invoke(detail);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
