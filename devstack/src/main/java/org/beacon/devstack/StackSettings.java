package org.beacon.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.beacon.testing.FreePort;

/**
 * How a stack is laid out: where its data lives, its ports, and which parts are external. Read from environment
 * variables for the run command; the end-to-end tests build one with free ports and a throw-away directory.
 */
public record StackSettings(Path repository, Path home, int gatewayPort, int trainingPort, int campaignPort,
        ManagementPorts management, int keycloakPort, int postgresPort, int s3Port, String externalDatabaseUrl, String externalDatabaseUser,
        String externalDatabasePassword, String externalS3Endpoint, String externalS3AccessKey,
        String externalS3SecretKey, String externalKeycloakUrl, Map<String, String> externalSecrets, boolean importContent,
        boolean keepClassArchives) {

    /**
     * Client secrets an external Keycloak was set up with, by the names the local stack stores its generated ones
     * under; environment variable of each.
     */
    static final Map<String, String> SECRET_VARIABLES = Map.of(
            "gateway-client-secret", "BEACON_GATEWAY_CLIENT_SECRET",
            "importer-client-secret", "BEACON_IMPORTER_CLIENT_SECRET",
            "directory-client-secret", "BEACON_DIRECTORY_CLIENT_SECRET",
            "test-client-secret", "BEACON_TEST_CLIENT_SECRET");

    static StackSettings fromEnvironment(Path repository, Map<String, String> env) {
        return new StackSettings(repository,
                Path.of(env.getOrDefault("BEACON_HOME", repository.resolve(".devstack").toString())),
                port(env, "BEACON_GATEWAY_PORT", 8080),
                port(env, "BEACON_TRAINING_PORT", 8081),
                port(env, "BEACON_CAMPAIGN_PORT", 8082),
                new ManagementPorts(port(env, "BEACON_GATEWAY_MANAGEMENT_PORT", 9080),
                        port(env, "BEACON_TRAINING_MANAGEMENT_PORT", 9081),
                        port(env, "BEACON_CAMPAIGN_MANAGEMENT_PORT", 9082)),
                port(env, "BEACON_KEYCLOAK_PORT", 8180),
                port(env, "BEACON_POSTGRES_PORT", 5532),
                port(env, "BEACON_S3_PORT", 8190),
                env.get("BEACON_DB_URL"), env.getOrDefault("BEACON_DB_USER", "postgres"),
                env.getOrDefault("BEACON_DB_PASSWORD", "postgres"),
                env.get("BEACON_S3_ENDPOINT"), env.get("BEACON_S3_ACCESS_KEY"), env.get("BEACON_S3_SECRET_KEY"),
                env.get("BEACON_KEYCLOAK_URL"), externalSecrets(env),
                !"false".equals(env.get("BEACON_IMPORT_CONTENT")), true);
    }

    public static StackSettings forTests(Path repository, Path home) {
        return new StackSettings(repository, home, FreePort.find(), FreePort.find(), FreePort.find(),
                new ManagementPorts(FreePort.find(), FreePort.find(), FreePort.find()), FreePort.find(),
                FreePort.find(), FreePort.find(), null, null, null, null, null, null, null, Map.of(), true,
                false);
    }

    /** Where each application serves health, metrics and OpenAPI (never on its application port). */
    public record ManagementPorts(int gateway, int training, int campaign) {
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    String keycloakUrl() {
        return externalKeycloakUrl != null ? externalKeycloakUrl : "http://127.0.0.1:" + keycloakPort;
    }

    Path logs() {
        return home.resolve("logs");
    }

    /** Where the JVMs' class archives are kept between starts ({@link ClassArchive}). */
    Path classArchives() {
        return home.resolve("class-archives");
    }

    /**
     * The class archive of one part. A test stack lives in a throw-away home that no later start reads, so writing
     * an archive at its stop would only cost CPU and stretch the stop past the test runner's exit timeout, which
     * then leaves the parts running without their supervisor.
     */
    ClassArchive classArchive(String part, List<String> options, List<Path> files) {
        return keepClassArchives ? ClassArchive.of(classArchives(), part, options, files) : ClassArchive.none();
    }

    private static Map<String, String> externalSecrets(Map<String, String> env) {
        Map<String, String> secrets = new java.util.HashMap<>();
        SECRET_VARIABLES.forEach((name, variable) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                secrets.put(name, value.trim());
            }
        });
        return Map.copyOf(secrets);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
