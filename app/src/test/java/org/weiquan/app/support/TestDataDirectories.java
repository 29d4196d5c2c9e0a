package org.weiquan.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh, empty data directories for the embedded H2 store, one per application context, under
 * {@code target/test-data} (so {@code mvn clean} removes them and no run sees another's data).
 */
public final class TestDataDirectories {
    private static final Path ROOT = Path.of("target", "test-data");

    private TestDataDirectories() {
    }

    public static Path fresh(String purpose) {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, purpose + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
