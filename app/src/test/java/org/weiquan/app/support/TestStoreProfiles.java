package org.weiquan.app.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Activates the {@code postgres} profile (and its configuration file) when the tests run on PostgreSQL,
 * and the {@code eventstoredb} profile when they run on an in-process EventStoreDB.
 */
public class TestStoreProfiles implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
        return TestStores.profiles().toArray(String[]::new);
    }
}
