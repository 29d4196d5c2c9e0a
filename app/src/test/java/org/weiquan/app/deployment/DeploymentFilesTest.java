package org.weiquan.app.deployment;

import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the deployment files without a Docker engine (there is none where the
 * suite runs): they parse, name Docker Hub images only, wait for healthy stores, keep data in named
 * volumes, and give the application connection strings its client accepts. Whether the containers
 * really start is not tested here (docs/deployment.md).
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** An image named by a registry host has a dot or a port in its first path segment. */
    private static final Pattern REGISTRY_HOST = Pattern.compile("^[^/]*[.:][^/]*/");

    @Test
    @SuppressWarnings("unchecked")
    void the_single_node_compose_file_runs_kurrentdb_postgresql_and_the_app_on_named_volumes() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, Map<String, Object>> services = services(compose);
        assertThat(services).containsOnlyKeys("kurrentdb", "postgres", "app");
        assertThat(services.get("kurrentdb").get("image")).isEqualTo("kurrentplatform/kurrentdb:25.0");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:16");
        assertThat(environment(services.get("kurrentdb"))).containsEntry("KURRENTDB_INSECURE", "true");
        assertThat(environment(services.get("postgres"))).containsEntry("POSTGRES_DB", "weiquan").containsEntry("POSTGRES_USER", "weiquan");
        assertThat(((Map<String, ?>) compose.get("volumes")).keySet()).contains("kurrentdb-data", "postgres-data");

        assertEveryServiceHasAHealthCheckAndAHubImage(services);
        assertTheAppIsBuiltHereAndWaitsForHealthyStores(services.get("app"), List.of("kurrentdb", "postgres"));
        KurrentDBClientSettings settings = eventStoreSettings(services.get("app"));
        assertThat(settings.getHosts()).hasSize(1);
        assertThat(settings.isTls()).isFalse();
    }

    @Test
    void the_cluster_compose_file_runs_three_kurrentdb_nodes_that_gossip_and_an_app_that_knows_all_three() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.cluster.yml");
        Map<String, Map<String, Object>> services = services(compose);
        assertThat(services).containsOnlyKeys("kurrentdb-1", "kurrentdb-2", "kurrentdb-3", "postgres", "app");
        for (String node : List.of("kurrentdb-1", "kurrentdb-2", "kurrentdb-3")) {
            Map<String, Object> environment = environment(services.get(node));
            assertThat(services.get(node).get("image")).isEqualTo("kurrentplatform/kurrentdb:25.0");
            assertThat(environment).containsEntry("KURRENTDB_CLUSTER_SIZE", "3")
                    .containsEntry("KURRENTDB_ADVERTISE_HOST_TO_CLIENT_AS", node);
            String ownAddress = (String) environment.get("KURRENTDB_REPLICATION_IP");
            assertThat(((String) environment.get("KURRENTDB_GOSSIP_SEED")).split(","))
                    .as("seeds of %s: the two other nodes", node).hasSize(2).noneMatch(seed -> seed.startsWith(ownAddress + ":"));
        }
        assertEveryServiceHasAHealthCheckAndAHubImage(services);
        assertTheAppIsBuiltHereAndWaitsForHealthyStores(services.get("app"),
                List.of("kurrentdb-1", "kurrentdb-2", "kurrentdb-3", "postgres"));
        KurrentDBClientSettings settings = eventStoreSettings(services.get("app"));
        assertThat(settings.getHosts()).as("gossip seeds").hasSize(3);
        assertThat(settings.isTls()).isFalse();
    }

    @Test
    void the_dockerfile_builds_with_maven_and_runs_the_jar_as_a_non_root_user_with_the_production_profile() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
        List<String> images = from.results().map(m -> m.group(1)).toList();
        assertThat(images).containsExactly("maven:3.9-eclipse-temurin-17", "eclipse-temurin:17-jre");
        assertThat(dockerfile).contains("mvn -q package -DskipTests")
                .contains("COPY --from=build /build/app/target/weiquan.jar /app/weiquan.jar")
                .contains("SPRING_PROFILES_ACTIVE=production")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/weiquan.jar\"]")
                .containsPattern("(?m)^USER weiquan$")
                .containsPattern("(?m)^HEALTHCHECK ");
        assertThat(dockerfile.indexOf("USER weiquan")).as("non-root before it runs").isLessThan(dockerfile.indexOf("ENTRYPOINT"));
    }

    private static void assertEveryServiceHasAHealthCheckAndAHubImage(Map<String, Map<String, Object>> services) {
        services.forEach((name, service) -> {
            assertThat(service).as("%s", name).containsKey("healthcheck");
            assertThat((String) service.get("image")).as("image of %s", name).doesNotContainPattern(REGISTRY_HOST);
        });
    }

    @SuppressWarnings("unchecked")
    private static void assertTheAppIsBuiltHereAndWaitsForHealthyStores(Map<String, Object> app, List<String> stores) {
        assertThat(app.get("build")).isEqualTo(".");
        Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) app.get("depends_on");
        assertThat(dependsOn.keySet()).containsExactlyInAnyOrderElementsOf(stores);
        dependsOn.values().forEach(dependency -> assertThat(dependency).containsEntry("condition", "service_healthy"));
        assertThat(environment(app)).containsEntry("SPRING_PROFILES_ACTIVE", "production")
                .containsKeys("WEIQUAN_DB_URL", "WEIQUAN_DB_PASSWORD", "WEIQUAN_EVENTSTORE_URL", "WEIQUAN_PERSONAL_DATA_KEY");
    }

    private static KurrentDBClientSettings eventStoreSettings(Map<String, Object> app) {
        return KurrentDBConnectionString.parseOrThrow((String) environment(app).get("WEIQUAN_EVENTSTORE_URL"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(file)));
    }
}
