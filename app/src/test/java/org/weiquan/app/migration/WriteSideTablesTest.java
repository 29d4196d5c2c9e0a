package org.weiquan.app.migration;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table added to the application's own migrations must be classified for moving up: copied to the
 * production database, or not (and why). Read models are the query module's, rebuilt by replay.
 */
class WriteSideTablesTest {
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void every_table_of_the_applications_own_migrations_is_either_moved_or_known_not_to_be() throws IOException {
        Set<String> tables = new TreeSet<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*.sql")) {
            if (!script.getURL().toString().contains("/app/target/classes/")) {
                continue; // another module's migrations: the query module's read models
            }
            Matcher created = CREATE_TABLE.matcher(script.getContentAsString(StandardCharsets.UTF_8));
            while (created.find()) {
                tables.add(created.group(1).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> classified = new HashSet<>();
        WriteSideTables.COPIED.forEach(t -> classified.add(t.toLowerCase(Locale.ROOT)));
        WriteSideTables.NOT_COPIED.keySet().forEach(t -> classified.add(t.toLowerCase(Locale.ROOT)));

        assertThat(tables).as("tables of the application's migrations").contains("case_registry", "qrtz_triggers");
        assertThat(classified).containsAll(tables);
    }
}
