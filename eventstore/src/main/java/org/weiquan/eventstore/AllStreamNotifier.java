package org.weiquan.eventstore;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribeToAllOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionFilter;
import io.kurrent.dbclient.SubscriptionFilterBuilder;
import io.kurrent.dbclient.SubscriptionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One live {@code $all} subscription per engine, filtered on the server to the engine's own streams,
 * that only counts arriving events: a blocking read that found nothing new waits on it instead of
 * polling. The subscription starts lazily with the first blocking read and is restarted by the next
 * one if the server drops it.
 * <p>
 * No lost wake-up: a reader takes {@link #version()} before it reads {@code $all}; any event
 * appended after that read changes the version, because the subscription was live before the read.
 */
final class AllStreamNotifier implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(AllStreamNotifier.class);

    private final KurrentDBClient client;
    private final List<String> streamPrefixes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long version;
    private Subscription subscription;
    private boolean closed;

    AllStreamNotifier(KurrentDBClient client, List<String> streamPrefixes) {
        this.client = client;
        this.streamPrefixes = streamPrefixes;
    }

    /** Starts the subscription if it is not running; returns false if that failed (the caller then waits a while). */
    boolean ensureLive(Duration timeout) {
        lock.lock();
        try {
            if (subscription != null || closed) {
                return subscription != null;
            }
        } finally {
            lock.unlock();
        }
        // kurrentdb-client 1.1.0's filter builder refuses a second addStreamNamePrefix: one regex instead
        SubscriptionFilterBuilder filter = SubscriptionFilter.newBuilder()
                .withStreamNameRegularExpression(prefixRegex(streamPrefixes));
        try {
            Subscription started = client.subscribeToAll(new Listener(),
                            SubscribeToAllOptions.get().fromEnd().filter(filter.build()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            lock.lock();
            try {
                if (closed) {
                    started.stop();
                    return false;
                }
                subscription = started;
                return true;
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            logger.warn("Could not subscribe to $all to wait for new events; blocking reads will wait their full time", e);
            return false;
        }
    }

    /** {@code ^(?:a|b)} with the prefixes escaped; the server (.NET regular expressions) has no quoting block. */
    static String prefixRegex(List<String> prefixes) {
        StringBuilder regex = new StringBuilder("^(?:");
        for (int i = 0; i < prefixes.size(); i++) {
            if (i > 0) {
                regex.append('|');
            }
            for (char c : prefixes.get(i).toCharArray()) {
                if ("\\.[]{}()*+-?^$|#".indexOf(c) >= 0) {
                    regex.append('\\');
                }
                regex.append(c);
            }
        }
        return regex.append(')').toString();
    }

    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the version differs from {@code seen}, at most {@code timeout}; true if it did. */
    boolean awaitChange(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (version == seen && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return version != seen;
        } finally {
            lock.unlock();
        }
    }

    private void bump() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Subscription running;
        lock.lock();
        try {
            closed = true;
            running = subscription;
            subscription = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.stop();
        }
    }

    private final class Listener extends SubscriptionListener {
        @Override
        public void onEvent(Subscription s, ResolvedEvent event) {
            bump();
        }

        @Override
        public void onCancelled(Subscription s, Throwable cause) {
            lock.lock();
            try {
                if (subscription == s || subscription == null) {
                    subscription = null;
                }
            } finally {
                lock.unlock();
            }
            if (cause != null && !closed) {
                logger.info("The $all subscription that wakes blocking reads was dropped; it restarts with the next one", cause);
            }
            bump(); // let waiters re-read rather than sleep through a gap
        }
    }
}
