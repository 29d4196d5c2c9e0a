package org.weiquan.app.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.weiquan.app.NoPhoningHome;
import org.weiquan.app.WeiquanApplication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instance of the application with the production wiring (the {@code eventstoredb} profile, plus
 * {@code postgres} when the tests run on PostgreSQL), started by the test itself on a random port:
 * for tests that restart an instance or run several side by side on the same stores.
 */
public final class RunningApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final ApiClient api;

    static {
        NoPhoningHome.apply();
    }

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new ApiClient(port());
    }

    /** Starts an instance on these stores (see {@link TestStores}) and any further properties. */
    public static RunningApp start(Map<String, String> properties) {
        Set<String> profiles = new LinkedHashSet<>(TestStores.profiles());
        profiles.add("eventstoredb");
        return start(profiles, properties);
    }

    /** Starts an instance with exactly these profiles and properties. */
    public static RunningApp start(Collection<String> profiles, Map<String, String> properties) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.profiles.active=" + String.join(",", profiles));
        arguments.add("--server.port=0");
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new RunningApp(new SpringApplicationBuilder(WeiquanApplication.class).run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public ApiClient api() {
        return api;
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean isRunning() {
        return context.isRunning();
    }

    @Override
    public void close() {
        context.close();
    }
}
