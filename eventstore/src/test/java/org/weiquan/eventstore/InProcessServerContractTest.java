package org.weiquan.eventstore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;


/** The engine contract against the in-process EventStoreDB gRPC server: runs everywhere. */
class InProcessServerContractTest extends EventStorageEngineContract {

    private static InProcessEventStoreDb server;

    @BeforeAll
    static void startServer() {
        server = InProcessEventStoreDb.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected String connectionString() {
        return server.connectionString();
    }
}
