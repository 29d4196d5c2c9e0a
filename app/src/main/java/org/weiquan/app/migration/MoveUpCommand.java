package org.weiquan.app.migration;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.Arrays;

/**
 * "Moving up": {@code java -jar weiquan.jar --weiquan.migrate.to-eventstore=kurrentdb://host:2113?tls=false}
 * copies the event log of the embedded store into EventStoreDB / KurrentDB, verifies the copy, and
 * exits (see docs/migration.md). It starts none of the application: no web server, no event
 * processors, no deadlines; only a data source on the same {@code spring.datasource} settings as the
 * application (so {@code --weiquan.data-dir} and the profiles mean what they mean there).
 * <p>
 * Exit codes: {@value MoveUpRunner#COPIED_AND_VERIFIED} copied and verified,
 * {@value MoveUpRunner#VERIFICATION_FAILED} the logs differ, {@value MoveUpRunner#FAILED} the copy
 * could not go on (message on standard error), {@value MoveUpRunner#STOPPED_EARLY} stopped after
 * {@code --weiquan.migrate.max-batches} as asked, {@value MoveUpRunner#USAGE} wrong arguments.
 */
// Not a @Configuration: the application's component scan must not pick this context up.
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(MoveUpProperties.class)
public class MoveUpCommand {
    static final String TO_EVENTSTORE = "weiquan.migrate.to-eventstore";
    static final String VERIFY_ONLY = "weiquan.migrate.verify-only";

    /** Whether the command line asks for the move rather than the application. */
    public static boolean isRequested(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + TO_EVENTSTORE + "=") || a.startsWith("--" + VERIFY_ONLY))
                || System.getProperty(TO_EVENTSTORE) != null;
    }

    /** Runs the move with the application's configuration and these arguments; returns the exit code. */
    public static int run(String... args) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(MoveUpCommand.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties("logging.level.com.zaxxer.hikari=WARN") // the command's own lines are the output
                    .run(args);
        } catch (RuntimeException e) {
            System.err.println("Moving up could not start: " + e.getMessage());
            return MoveUpRunner.FAILED;
        }
        return SpringApplication.exit(context);
    }

    @Bean
    MoveUpRunner moveUpRunner(DataSource source, MoveUpProperties properties, Environment environment) {
        return new MoveUpRunner(source, environment.getProperty("spring.datasource.url", ""), properties);
    }
}
