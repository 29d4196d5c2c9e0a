package org.weiquan.eventstore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;

/**
 * The same engine contract against a real KurrentDB in a container, whenever a Docker engine is
 * present; skipped, saying so, where there is none (as on the development machines and CI of this
 * project today). Override the image with {@code -Dkurrentdb.image=...}.
 */
class KurrentDbContainerContractTest extends EventStorageEngineContract {

    private static final Logger logger = LoggerFactory.getLogger(KurrentDbContainerContractTest.class);
    private static final String NO_DOCKER =
            "No Docker engine here: the engine contract against a real KurrentDB is SKIPPED; only the in-process server ran it";
    private static GenericContainer<?> kurrentdb;
    private static boolean dockerAvailable;

    @BeforeAll
    static void startContainer() {
        dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        if (!dockerAvailable) {
            logger.warn(NO_DOCKER);
            return;
        }
        kurrentdb = new GenericContainer<>(DockerImageName.parse(
                System.getProperty("kurrentdb.image", "kurrentplatform/kurrentdb:25.0")))
                .withEnv("KURRENTDB_INSECURE", "true")
                .withEnv("KURRENTDB_MEM_DB", "true")
                .withEnv("KURRENTDB_RUN_PROJECTIONS", "None")
                .withEnv("KURRENTDB_TELEMETRY_OPTOUT", "true")
                .withExposedPorts(2113)
                .waitingFor(Wait.forHttp("/health/live").forPort(2113).forStatusCode(204)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        kurrentdb.start();
    }

    @AfterAll
    static void stopContainer() {
        if (kurrentdb != null) {
            kurrentdb.stop();
        }
    }

    @Override
    protected String connectionString() {
        // every test is reported as skipped, with the reason, when there is no Docker engine
        Assumptions.assumeTrue(dockerAvailable, NO_DOCKER);
        return "kurrentdb://" + kurrentdb.getHost() + ":" + kurrentdb.getMappedPort(2113) + "?tls=false";
    }
}
