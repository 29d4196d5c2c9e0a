package org.weiquan.app.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** Activates the {@code postgres} profile (and its configuration file) when the tests run on PostgreSQL. */
public class TestStoreProfiles implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
        return TestStores.onPostgres() ? new String[]{"postgres"} : new String[0];
    }
}
