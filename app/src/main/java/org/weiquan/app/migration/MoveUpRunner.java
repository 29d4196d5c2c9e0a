package org.weiquan.app.migration;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.jdbc.DataSourceBuilder;
import com.zaxxer.hikari.HikariDataSource;
import org.weiquan.eventstore.EventStoreDbStorageEngine;
import org.weiquan.eventstore.JdbcEventLogCopy;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the event log (Axon's {@code DomainEventEntry}) into EventStoreDB through the storage engine,
 * then (with {@code to-database}) the write-side tables into the production database
 * ({@link WriteSideTables}), reports progress, verifies both, and leaves the exit code for {@link MoveUpCommand}. Snapshots are not
 * copied (ADR 26): they are a cache, and the application takes new ones as aggregates load.
 */
class MoveUpRunner implements ApplicationRunner, ExitCodeGenerator {
    static final int COPIED_AND_VERIFIED = 0;
    static final int VERIFICATION_FAILED = 1;
    static final int FAILED = 2;
    static final int STOPPED_EARLY = 3;
    static final int USAGE = 64;

    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:file:([^;]+)");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final DataSource source;
    private final String sourceUrl;
    private final MoveUpProperties properties;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode = FAILED;

    MoveUpRunner(DataSource source, String sourceUrl, MoveUpProperties properties) {
        this.source = source;
        this.sourceUrl = sourceUrl;
        this.properties = properties;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = move();
    }

    private int move() {
        String target = properties.toEventstore();
        if (target == null || target.isBlank()) {
            err.println("Give the EventStoreDB to move up to: --" + MoveUpCommand.TO_EVENTSTORE + "=kurrentdb://host:2113?tls=false");
            return USAGE;
        }
        if (properties.batchSize() < 1) {
            err.println("--weiquan.migrate.batch-size must be at least 1");
            return USAGE;
        }
        KurrentDBClientSettings settings;
        try {
            settings = KurrentDBConnectionString.parseOrThrow(target);
        } catch (RuntimeException e) {
            err.println("Not an EventStoreDB connection string: " + withoutCredentials(target) + " (" + e.getMessage() + ")");
            return USAGE;
        }
        Matcher h2 = H2_FILE.matcher(sourceUrl);
        if (h2.find() && !Files.exists(Path.of(h2.group(1) + ".mv.db"))) {
            err.println("There is no embedded database at " + Path.of(h2.group(1) + ".mv.db").toAbsolutePath()
                    + ": give the embedded application's data directory with --weiquan.data-dir=<dir>.");
            return FAILED;
        }
        out.println("Moving up: the event log of " + withoutCredentials(sourceUrl) + " to EventStoreDB at " + withoutCredentials(target));
        KurrentDBClient client = KurrentDBClient.create(settings);
        // Jackson by default: the engine's serializer only carries the stored bytes, it deserializes nothing.
        EventStoreDbStorageEngine engine = EventStoreDbStorageEngine.builder().client(client).build();
        HikariDataSource targetDatabase = properties.toDatabase() == null || properties.toDatabase().isBlank() ? null
                : DataSourceBuilder.create().type(HikariDataSource.class).url(properties.toDatabase())
                .username(properties.toDatabaseUser()).password(properties.toDatabasePassword()).build();
        try {
            JdbcEventLogCopy copy = JdbcEventLogCopy.of(source, engine, properties.batchSize());
            if (!properties.verifyOnly()) {
                JdbcEventLogCopy.CopyResult result = copy.copy(properties.maxBatches(), new ProgressPrinter());
                out.printf(Locale.ROOT, "Copied %,d events in %s (%,d were there from an earlier run); %,d of %,d in EventStoreDB.%n",
                        result.copiedThisRun(), seconds(result.elapsed()), result.alreadyCopied(), result.copied(), result.total());
                if (!result.complete()) {
                    out.println("Stopped after " + properties.maxBatches() + " batch(es), as asked. Run the same command"
                            + " again to go on from event " + (result.copied() + 1) + ".");
                    return STOPPED_EARLY;
                }
                if (targetDatabase != null) {
                    out.println("Copying the write-side tables (case registry and numbers, parties, idempotency keys,"
                            + " reference data, deadlines) to " + withoutCredentials(properties.toDatabase()) + " ...");
                    boolean copied = WriteSideTables.copy(source, targetDatabase);
                    out.println(copied ? "Copied the write-side tables." : "The write-side tables were copied by an earlier run.");
                }
            }
            if (targetDatabase == null) {
                out.println("NOTE: the write-side tables (case registry and numbers, parties, idempotency keys, reference data,"
                        + " deadlines) were not moved: give --weiquan.migrate.to-database=<jdbc url> (docs/migration.md).");
            }
            out.println("Verifying: both logs, event by event ...");
            JdbcEventLogCopy.Verification verification = copy.verify();
            out.printf(Locale.ROOT, "  events:     %,d in the source, %,d in EventStoreDB%n", verification.sourceEvents(), verification.targetEvents());
            out.printf(Locale.ROOT, "  aggregates: %,d in the source, %,d streams in EventStoreDB%n", verification.sourceAggregates(), verification.targetAggregates());
            out.printf(Locale.ROOT, "  events that differ: %,d; aggregates whose stream does not end at their last sequence number: %,d%n",
                    verification.differingEvents(), verification.aggregatesWithOtherLastRevision());
            boolean tablesEqual = true;
            if (targetDatabase != null) {
                WriteSideTables.Counts counts = WriteSideTables.verify(source, targetDatabase);
                for (var table : counts.rows().entrySet()) {
                    boolean equal = table.getValue()[0] == table.getValue()[1];
                    tablesEqual &= equal;
                    if (!equal || table.getValue()[0] > 0) {
                        out.printf(Locale.ROOT, "  %-26s %,d rows in the source, %,d in the target%s%n", table.getKey(),
                                table.getValue()[0], table.getValue()[1], equal ? "" : "   <- DIFFERS");
                    }
                }
            }
            if (!verification.passed() || !tablesEqual) {
                verification.differences().forEach(d -> err.println("  DIFFERS: " + d));
                err.println("Verification FAILED: EventStoreDB does not hold the same log. Do not start the production"
                        + " profile on it; see docs/migration.md.");
                return VERIFICATION_FAILED;
            }
            out.println("Verified: EventStoreDB holds every event of the source, in the same order, with the same"
                    + " identifiers, payloads and meta data" + (targetDatabase != null ? "; the target database holds"
                    + " every write-side row" : "") + ". Next: start the application with the production profile.");
            return COPIED_AND_VERIFIED;
        } catch (WriteSideTables.TargetNotEmptyException e) {
            err.println("Moving up refused: " + e.getMessage());
            return FAILED;
        } catch (java.sql.SQLException e) {
            err.println("Could not copy the write-side tables (nothing of them was written): " + e.getMessage());
            return FAILED;
        } catch (JdbcEventLogCopy.TargetConflictException e) {
            err.println("Moving up refused: " + e.getMessage());
            return FAILED;
        } catch (JdbcEventLogCopy.SourceException e) {
            err.println("Could not read the source: " + e.getMessage());
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("already in use")) {
                err.println("Is the embedded application still running? Stop it first: the copy needs the log to stand still.");
            }
            return FAILED;
        } catch (RuntimeException e) {
            err.println("Moving up stopped: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            err.println("What was copied stays in EventStoreDB; run the same command again to go on from there.");
            return FAILED;
        } finally {
            if (targetDatabase != null) {
                targetDatabase.close();
            }
            engine.close();
            try {
                client.shutdown().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
        }
    }

    /** One line per second at most: done / total, rate of this run, time left at that rate. */
    private final class ProgressPrinter implements JdbcEventLogCopy.Progress {
        private long lastPrinted = System.nanoTime();

        @Override
        public void batchCopied(long copied, long total, long copiedThisRun, Duration elapsed) {
            long now = System.nanoTime();
            if (now - lastPrinted < PROGRESS_EVERY.toNanos() && copied < total) {
                return;
            }
            lastPrinted = now;
            double rate = copiedThisRun / Math.max(elapsed.toNanos() / 1e9, 1e-9);
            long left = Math.round((total - copied) / Math.max(rate, 1e-9));
            out.printf(Locale.ROOT, "  %,d / %,d events (%.1f %%), %,.0f events/s, about %s left%n",
                    copied, total, total == 0 ? 100.0 : 100.0 * copied / total, rate, seconds(Duration.ofSeconds(left)));
        }
    }

    private static String seconds(Duration duration) {
        long s = duration.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** A URL or connection string without user and password, for printing. */
    static String withoutCredentials(String url) {
        return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
