package org.weiquan.app.web;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bridges the read side's lag behind a write the registry has already seen: a case filed a
 * moment ago is waited for (briefly) instead of answered with 404.
 */
public final class ProjectionLag {
    private static final Duration POLL = Duration.ofMillis(20);

    private ProjectionLag() {
    }

    /** The first non-null answer of {@code read} within {@code patience}, or null. */
    public static <T> T await(Supplier<T> read, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T value = read.get();
        while (value == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            value = read.get();
        }
        return value;
    }
}
