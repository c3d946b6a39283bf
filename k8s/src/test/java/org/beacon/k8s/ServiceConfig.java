package org.beacon.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a service module really reads, as environment variable names (MicroProfile Config looks
 * quarkus.datasource.jdbc.url up as QUARKUS_DATASOURCE_JDBC_URL): the properties of its application.properties
 * (without the test and dev profiles), the variables those properties reference as ${NAME}, and the names of its
 * {@code @ConfigProperty} injection points.
 */
final class ServiceConfig {

    /**
     * Standard keys a Deployment may set although no Beacon module names them, each for a reason of the container:
     * <ul>
     * <li>JAVA_OPTS_APPEND: JVM flags for the image's run-java.sh (heap as a share of the memory limit);</li>
     * <li>MALLOC_ARENA_MAX: read by glibc, caps the malloc arenas that otherwise grow with the thread count;</li>
     * <li>QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY: Quarkus buffers uploads under the working directory, which is
     * read-only in the pod;</li>
     * <li>QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING and QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED: the gateway sits
     * behind the ingress controller and must build its login redirect from the browser's scheme and host.</li>
     * </ul>
     */
    static final Set<String> STANDARD_KEYS = Set.of("JAVA_OPTS_APPEND", "MALLOC_ARENA_MAX",
            "QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY",
            "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
    private static final Set<String> OTHER_PROFILES = Set.of("test", "dev");

    /** Variable name to the value the module falls back to when nothing sets it (null: no fallback). */
    private final Map<String, String> defaults = new TreeMap<>();
    private final Set<String> required = new TreeSet<>();

    private ServiceConfig() {
    }

    static ServiceConfig of(Path module) {
        ServiceConfig config = new ServiceConfig();
        config.readProperties(module.resolve("src/main/resources/application.properties"));
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            sources.filter(file -> file.toString().endsWith(".java")).forEach(config::readInjectionPoints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    boolean reads(String variable) {
        return defaults.containsKey(variable) || STANDARD_KEYS.contains(variable);
    }

    /** Variables referenced as ${NAME} without a default: the service does not start unless something sets them. */
    Set<String> required() {
        return required;
    }

    /** Variables whose fallback only works on the developer's machine (a loopback address). */
    Set<String> localOnly() {
        Set<String> local = new TreeSet<>();
        defaults.forEach((name, value) -> {
            if (value != null && (value.contains("127.0.0.1") || value.contains("localhost"))) {
                local.add(name);
            }
        });
        return local;
    }

    private void readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            String property = key;
            if (key.startsWith("%")) {
                String profile = key.substring(1, key.indexOf('.'));
                if (OTHER_PROFILES.contains(profile)) {
                    continue;
                }
                property = key.substring(key.indexOf('.') + 1);
            }
            String value = properties.getProperty(key);
            defaults.put(environmentName(property), value);
            Matcher reference = REFERENCE.matcher(value);
            while (reference.find()) {
                String variable = environmentName(reference.group(1));
                defaults.putIfAbsent(variable, reference.group(2) == null ? null : reference.group(2).substring(1));
                if (reference.group(2) == null) {
                    required.add(variable);
                }
            }
        }
    }

    private void readInjectionPoints(Path source) {
        try {
            Matcher injection = CONFIG_PROPERTY.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (injection.find()) {
                String variable = environmentName(injection.group(1));
                // Without a default the injection point may still be Optional: readable, not necessarily required.
                defaults.putIfAbsent(variable, injection.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
