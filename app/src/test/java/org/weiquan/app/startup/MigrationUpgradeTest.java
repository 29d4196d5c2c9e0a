package org.weiquan.app.startup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office's database created by an earlier build upgrades to this one. Flyway refuses to start on
 * a database when a new migration is numbered below one it has already applied, so every migration
 * added since the versions in {@code released-migrations.txt} must be numbered above all of them.
 */
class MigrationUpgradeTest {
    private static final String[] LOCATIONS = {"classpath:db/migration/common", "classpath:db/migration/h2"};

    private static Flyway flyway(String database, String target) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("weiquan");
        return Flyway.configure().dataSource(dataSource).locations(LOCATIONS).target(target).load();
    }

    private static List<MigrationVersion> released() throws IOException {
        try (InputStream in = MigrationUpgradeTest.class.getResourceAsStream("/released-migrations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(MigrationVersion::fromVersion).toList();
        }
    }

    @Test
    void every_released_migration_is_still_there_and_every_new_one_is_numbered_above_them() throws IOException {
        List<MigrationVersion> released = released();
        List<MigrationVersion> present = Arrays.stream(flyway("upgrade-list", "latest").info().all())
                .map(MigrationInfo::getVersion).toList();
        MigrationVersion lastReleased = released.stream().max(MigrationVersion::compareTo).orElseThrow();

        assertThat(present).containsAll(released);
        assertThat(present.stream().filter(version -> !released.contains(version)))
                .allSatisfy(added -> assertThat(added).as("new migration V%s", added).isGreaterThan(lastReleased));
    }

    @Test
    void a_database_of_the_last_release_upgrades_to_the_latest() throws IOException {
        List<MigrationVersion> released = released();
        String lastReleased = released.stream().max(MigrationVersion::compareTo).orElseThrow().getVersion();
        flyway("upgrade-from-release", lastReleased).migrate();

        MigrateResult upgrade = flyway("upgrade-from-release", "latest").migrate();

        assertThat(upgrade.success).isTrue();
        long added = Arrays.stream(flyway("upgrade-list-2", "latest").info().all())
                .filter(info -> !released.contains(info.getVersion())).count();
        assertThat(upgrade.migrationsExecuted).isEqualTo((int) added);
    }
}
