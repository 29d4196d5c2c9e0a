package org.weiquan.app.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty store for one application context. By default the embedded H2 database in a new
 * data directory; with {@code -Dweiquan.test.postgres=jdbc:postgresql://host:port/db} (plus
 * {@code weiquan.test.postgres.user} / {@code .password}) a new database on that real PostgreSQL
 * server and the {@code postgres} profile, so that the whole suite runs there as well (CI does both).
 */
public final class TestStores {
    private static final String POSTGRES = System.getProperty("weiquan.test.postgres", "");
    private static final String USER = System.getProperty("weiquan.test.postgres.user", "weiquan");
    private static final String PASSWORD = System.getProperty("weiquan.test.postgres.password", "weiquan");

    private TestStores() {
    }

    public static boolean onPostgres() {
        return !POSTGRES.isBlank();
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
        return properties;
    }

    /** The same as command-line arguments. */
    public static String[] arguments(Map<String, String> properties, String... more) {
        String[] arguments = new String[properties.size() + more.length + (onPostgres() ? 1 : 0)];
        int i = 0;
        if (onPostgres()) arguments[i++] = "--spring.profiles.active=postgres";
        for (Map.Entry<String, String> entry : properties.entrySet()) arguments[i++] = "--" + entry.getKey() + "=" + entry.getValue();
        for (String argument : more) arguments[i++] = argument;
        return arguments;
    }
}
