package org.weiquan.app.startup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import org.weiquan.app.NoPhoningHome;
import org.weiquan.app.WeiquanApplication;
import org.weiquan.app.support.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0010: the application sends nothing anywhere unasked. Started through its real main method,
 * it has no Axon update checker and has switched the checker off by system property.
 */
class NoPhoningHomeTest {
    private static final String UPDATE_CHECKER = "org.axonframework.updates.UpdateChecker";
    private static final String UPDATE_CHECKER_AUTO_CONFIGURATION =
            "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration";
    /**
     * Axon's update checker stands down by itself when it finds a test framework on the stack; this
     * property makes it believe it runs in production, so that only our own measures keep it away.
     */
    private static final String AXON_FORCE_NON_TEST = "axoniq.usage.force-test-environment";

    private String disabledBefore;
    private String forceBefore;

    @BeforeEach
    void rememberProperties() {
        disabledBefore = System.getProperty(NoPhoningHome.AXON_UPDATE_CHECKER_DISABLED);
        forceBefore = System.getProperty(AXON_FORCE_NON_TEST);
    }

    @AfterEach
    void restoreProperties() {
        restore(NoPhoningHome.AXON_UPDATE_CHECKER_DISABLED, disabledBefore);
        restore(AXON_FORCE_NON_TEST, forceBefore);
    }

    @Test
    void the_application_started_by_its_main_method_has_no_update_checker_and_has_switched_it_off() {
        System.clearProperty(NoPhoningHome.AXON_UPDATE_CHECKER_DISABLED);
        System.setProperty(AXON_FORCE_NON_TEST, "true");

        ConfigurableApplicationContext context = SpringApplication.from(WeiquanApplication::main)
                .run(TestStores.arguments(TestStores.fresh("no-phoning-home"), "--server.port=0"))
                .getApplicationContext();
        try {
            assertThat(System.getProperty(NoPhoningHome.AXON_UPDATE_CHECKER_DISABLED)).isEqualTo("true");
            if (ClassUtils.isPresent(UPDATE_CHECKER, getClass().getClassLoader())) {
                Class<?> checker = ClassUtils.resolveClassName(UPDATE_CHECKER, getClass().getClassLoader());
                assertThat(context.getBeanNamesForType(checker)).as("UpdateChecker beans").isEmpty();
            }
            assertThat(ConditionEvaluationReport.get(context.getBeanFactory()).getExclusions())
                    .contains(UPDATE_CHECKER_AUTO_CONFIGURATION);
        } finally {
            context.close();
        }
    }

    @Test
    void an_administrator_who_switched_the_checker_on_explicitly_keeps_that_choice() {
        System.setProperty(NoPhoningHome.AXON_UPDATE_CHECKER_DISABLED, "false");
        NoPhoningHome.apply();
        assertThat(System.getProperty(NoPhoningHome.AXON_UPDATE_CHECKER_DISABLED)).isEqualTo("false");
    }

    private static void restore(String property, String value) {
        if (value == null) System.clearProperty(property);
        else System.setProperty(property, value);
    }
}
