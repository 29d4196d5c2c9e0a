package org.weiquan.app.support;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The test's own client on an EventStoreDB server: reads streams as they are stored, past the application. */
public final class EventStoreReader implements AutoCloseable {
    private final KurrentDBClient client;

    public EventStoreReader(String connectionString) {
        this.client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
    }

    /** Every event of a stream, oldest first; none if there is no such stream. */
    public List<RecordedEvent> events(String stream) {
        try {
            return client.readStream(stream, ReadStreamOptions.get().forwards().fromStart())
                    .get(10, TimeUnit.SECONDS).getEvents().stream().map(ResolvedEvent::getOriginalEvent).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StreamNotFoundException) return List.of();
            throw new IllegalStateException("cannot read " + stream, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer reading " + stream, e);
        }
    }

    @Override
    public void close() {
        try {
            client.shutdown().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
    }
}
