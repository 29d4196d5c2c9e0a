package org.weiquan.app.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The "moving up" command: {@code --weiquan.migrate.to-eventstore=kurrentdb://host:2113?tls=false}.
 *
 * @param toEventstore the EventStoreDB / KurrentDB connection string to copy the event log into
 * @param batchSize    source events read and appended per batch (progress is reported per batch)
 * @param maxBatches   stop after this many batches (0: copy everything); a later run goes on
 * @param verifyOnly   copy nothing, only compare the two logs
 * @param toDatabase   the production relational database (JDBC URL) to copy the write-side tables into;
 *                     with {@code toDatabaseUser} and {@code toDatabasePassword}
 */
@ConfigurationProperties("weiquan.migrate")
public record MoveUpProperties(String toEventstore, Integer batchSize, Long maxBatches, Boolean verifyOnly,
                               String toDatabase, String toDatabaseUser, String toDatabasePassword) {

    public MoveUpProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        maxBatches = maxBatches == null ? 0L : maxBatches;
        verifyOnly = verifyOnly != null && verifyOnly;
    }
}
