package org.weiquan.app;

/**
 * A union's case system sends nothing anywhere unasked. Axon's update checker is switched off here
 * (and its auto-configuration excluded in application.yml); an administrator may switch it on by
 * setting the system property to false explicitly.
 */
public final class NoPhoningHome {
    public static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    private NoPhoningHome() {
    }

    public static void apply() {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
    }
}
