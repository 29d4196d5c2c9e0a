package org.weiquan.app.support;

import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fresh, empty store for one application context. By default the embedded H2 database in a new
 * data directory; with {@code -Dweiquan.test.postgres=jdbc:postgresql://host:port/db} (plus
 * {@code weiquan.test.postgres.user} / {@code .password}) a new database on that real PostgreSQL
 * server and the {@code postgres} profile, so that the whole suite runs there as well (CI does both).
 * With {@code -Dweiquan.test.eventstore=inprocess} the events go to an in-process EventStoreDB server
 * of the context's own instead (the {@code eventstoredb} profile: the production wiring of ADR 25).
 */
public final class TestStores {
    private static final String POSTGRES = System.getProperty("weiquan.test.postgres", "");
    private static final String USER = System.getProperty("weiquan.test.postgres.user", "weiquan");
    private static final String PASSWORD = System.getProperty("weiquan.test.postgres.password", "weiquan");
    private static final String EVENT_STORE = System.getProperty("weiquan.test.eventstore", "");
    private static final List<InProcessEventStoreDb> SERVERS = new CopyOnWriteArrayList<>();

    static {
        // A server outlives the application context that uses it (whose engine closes its client first).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVERS.forEach(InProcessEventStoreDb::close)));
    }

    private TestStores() {
    }

    public static boolean onPostgres() {
        return !POSTGRES.isBlank();
    }

    /** Whether every context's events go to an in-process EventStoreDB server (the production wiring). */
    public static boolean onEventStoreDb() {
        if (EVENT_STORE.isBlank()) return false;
        if (!EVENT_STORE.equals("inprocess")) {
            throw new IllegalStateException("weiquan.test.eventstore must be 'inprocess', not '" + EVENT_STORE + "'");
        }
        return true;
    }

    /** The profiles of the stores: {@code postgres} and/or {@code eventstoredb}, or none (embedded H2). */
    public static List<String> profiles() {
        List<String> profiles = new ArrayList<>();
        if (onPostgres()) profiles.add("postgres");
        if (onEventStoreDb()) profiles.add("eventstoredb");
        return profiles;
    }

    /**
     * A new, empty in-process EventStoreDB server (closed when the JVM ends) and the property that
     * points an application context at it.
     */
    public static Map<String, String> freshEventStore() {
        InProcessEventStoreDb server = InProcessEventStoreDb.start();
        SERVERS.add(server);
        return Map.of("weiquan.eventstore.connection-string", server.connectionString());
    }

    /** Spring properties that point an application context at a fresh store. */
    public static Map<String, String> fresh(String purpose) {
        Map<String, String> properties = new LinkedHashMap<>();
        Path directory = TestDataDirectories.fresh(purpose);
        properties.put("weiquan.data-dir", directory.toString());
        if (onPostgres()) {
            String database = "wq_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection admin = DriverManager.getConnection(POSTGRES, USER, PASSWORD);
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database on " + POSTGRES, e);
            }
            // (the postgres profile itself is activated by TestStoreProfiles or --spring.profiles.active)
            properties.put("spring.datasource.url", POSTGRES.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"));
            properties.put("spring.datasource.username", USER);
            properties.put("spring.datasource.password", PASSWORD);
        }
        if (onEventStoreDb()) properties.putAll(freshEventStore());
        return properties;
    }

    /** The same as command-line arguments, with the stores' profiles. */
    public static String[] arguments(Map<String, String> properties, String... more) {
        List<String> arguments = new ArrayList<>();
        if (!profiles().isEmpty()) arguments.add("--spring.profiles.active=" + String.join(",", profiles()));
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }
}
