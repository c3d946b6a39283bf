package org.beacon.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beacon.contentimport.ContentImport;
import org.beacon.devstack.content.DemoData;
import org.beacon.testing.S3ProxyServer;
import org.beacon.testing.WaitFor;

/**
 * The whole platform on one machine: PostgreSQL, S3 and Keycloak start side by side, then the three services.
 * Everything binds to 127.0.0.1 and logs to a file under the home directory. A child that dies is started again
 * (see {@link ChildProcess}); closing the stack stops every child in reverse order, restarting none.
 */
public final class Stack implements AutoCloseable {

    /**
     * How the three applications run here, as in Kubernetes (k8s/base/quarkus-runtime.yaml), to stay under the
     * 256 MB resident memory of PRODUCT.md §9 under load (bench/survey-submission): a small heap that is given back
     * when idle, the client compiler only (less code cache and no C2 compiler arenas; on two cores it also leaves
     * more CPU to the requests), smaller thread stacks, and two malloc arenas (MALLOC_ARENA_MAX, set below) instead
     * of one per thread. A method is compiled after ten times the JDK's default number of calls (Tier3 thresholds):
     * start-up and once-a-day code stays interpreted, which halved training-service's compiled code (16.4 to 8.6 MB)
     * under the loads of bench/memory while every request path is still called often enough to be compiled.
     * Every 5 s the JVM hands the memory malloc keeps after frees (compiler arenas, zip inflaters) back to the
     * system (TrimNativeHeapInterval): 9-10 MB of campaign-service after a submission bench (bench/memory).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m", "-Xss512k",
            "-XX:Tier3InvocationThreshold=2000", "-XX:Tier3MinInvocationThreshold=1000",
            "-XX:Tier3CompileThreshold=20000", "-XX:Tier3BackEdgeThreshold=600000",
            "-XX:TrimNativeHeapInterval=5000");

    /** How long each part may take to start; -Dbeacon.stack.ready-seconds raises it on a machine shared by many builds. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("beacon.stack.ready-seconds", 180));

    private final StackSettings settings;
    private final Deque<ChildProcess> running = new ArrayDeque<>();
    private final Map<String, ChildProcess> parts = new ConcurrentHashMap<>();
    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private final Map<String, ClassArchive> classArchives = new ConcurrentHashMap<>();
    private final Secrets secrets;
    private boolean closed;
    private final List<String> importReport = new ArrayList<>();
    private String databaseUrl;
    private String databaseUser;
    private String databasePassword;
    private String s3Endpoint;
    private String s3AccessKey;
    private String s3SecretKey;

    private Stack(StackSettings settings) {
        this.settings = settings;
        this.secrets = Secrets.in(settings.home());
    }

    /** A stack not yet started: register {@link #close()} (e.g. as a shutdown hook) before {@link #start()}. */
    public static Stack of(StackSettings settings) {
        return new Stack(settings);
    }

    /** Starts every part and waits until all are ready; on failure, stops what was started. */
    public Stack start() {
        try {
            startAll();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    public String keycloakUrl() {
        return settings.keycloakUrl();
    }

    public String trainingUrl() {
        return "http://127.0.0.1:" + settings.trainingPort();
    }

    public String campaignUrl() {
        return "http://127.0.0.1:" + settings.campaignPort();
    }

    /** Health, metrics and OpenAPI of one application: {@code gateway}, {@code training-service}... */
    public String managementUrl(String application) {
        int port = switch (application) {
            case "gateway" -> settings.management().gateway();
            case "training-service" -> settings.management().training();
            case "campaign-service" -> settings.management().campaign();
            default -> throw new IllegalArgumentException("No application " + application);
        };
        return "http://127.0.0.1:" + port;
    }

    /** The stack's own PostgreSQL (superuser {@code postgres}), or the external one it was given. */
    public String databaseUrl() {
        return databaseUrl;
    }

    /**
     * Process id of one part: {@code postgres}, {@code s3}, {@code keycloak}, {@code training-service},
     * {@code campaign-service} or {@code gateway}.
     */
    public long pid(String part) {
        Process process = part(part).process();
        if (process == null) {
            throw new IllegalStateException(part + " is not running");
        }
        return process.pid();
    }

    /** Stops one part and keeps it stopped (no restart) until {@link #resume(String)}: an outage on purpose. */
    public void stop(String part) {
        part(part).hold();
    }

    public void resume(String part) {
        part(part).release();
    }

    /** What the supervision said on the console, in order: "campaign-service exited (status 137); restarting...". */
    public List<String> restarts() {
        return List.copyOf(restarts);
    }

    private ChildProcess part(String name) {
        ChildProcess part = parts.get(name);
        if (part == null) {
            throw new IllegalArgumentException("No part " + name + " in this stack; parts: " + parts.keySet());
        }
        return part;
    }

    /** A supervision line: on the console, and kept for {@link #restarts()}. */
    private void announce(String line) {
        System.out.println(line);
        restarts.add(line);
    }

    /** The checkout the stack runs from (its content/, its built services). */
    public Path repository() {
        return settings.repository();
    }

    public Path logs() {
        return settings.logs();
    }

    /** Secret of the service account that imports content (client {@code content-importer}). */
    public String importerClientSecret() {
        return secret("importer-client-secret");
    }

    /**
     * Secret of the {@code beacon-directory} service account, with which the gateway's admin pages read
     * organizations and users (view-users only); an external Keycloak without it leaves those pages at 503.
     */
    public String directoryClientSecret() {
        return secret("directory-client-secret");
    }

    /** Secret of the password-grant client that only local and test stacks have. */
    public String testClientSecret() {
        return secret("test-client-secret");
    }

    /**
     * A local Keycloak gets generated, remembered secrets; an external one brings its own through the environment
     * (null when not given: a generated secret would only be refused by it).
     */
    private String secret(String name) {
        return settings.externalKeycloakUrl() != null ? settings.externalSecrets().get(name) : secrets.get(name);
    }

    private void startAll() {
        try {
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Keycloak takes longest, so it starts first and the others start while it boots. No application waits
        // for it: each fetches Keycloak's keys when it first needs them (Quarkus OIDC initialises a tenant whose
        // server did not answer at start on its first request), so the gateway starts beside the services instead
        // of after Keycloak, and only the content import, which signs in, waits for Keycloak.
        CompletableFuture<Void> keycloak = settings.externalKeycloakUrl() != null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(this::startKeycloak);
        startPostgres();
        startS3();
        List<ChildProcess> services = new ArrayList<>();
        services.add(service("training-service", settings.trainingPort(), settings.management().training(),
                "training"));
        services.add(service("campaign-service", settings.campaignPort(), settings.management().campaign(),
                "campaign"));
        services.add(gateway());
        for (ChildProcess service : services) {
            WaitFor.http(service.name, managementUrl(service.name) + "/q/health/ready", status -> status == 200,
                    READY_TIMEOUT, service.process(), service.log.toString());
        }
        keycloak.join();
        if (settings.importContent()) {
            importContent();
        }
    }

    /** The shipped content, through the same import APIs and service account as the Kubernetes Job. */
    private void importContent() {
        if (importerClientSecret() == null) {
            throw new IllegalStateException("With BEACON_KEYCLOAK_URL, set BEACON_IMPORTER_CLIENT_SECRET (the "
                    + "content-importer client's secret) or BEACON_IMPORT_CONTENT=false");
        }
        Path content = settings.repository().resolve("content");
        // Only a home that holds all the data (its own PostgreSQL, object storage and Keycloak) can tell what is
        // already imported; an external part may have been emptied since.
        boolean ownData = settings.externalDatabaseUrl() == null && settings.externalS3Endpoint() == null
                && settings.externalKeycloakUrl() == null;
        ContentStamp stamp = ContentStamp.of(settings.home().resolve("content-imported"), content,
                List.of(applicationDirectory("training-service"), applicationDirectory("campaign-service")));
        if (ownData && stamp.imported()) {
            importReport.add("nothing new: content/ and the services are as at this home's last import (delete "
                    + settings.home().resolve("content-imported") + " to import again)");
            return;
        }
        ContentImport contentImport = new ContentImport(trainingUrl(), campaignUrl(), settings.keycloakUrl(),
                "content-importer", importerClientSecret(), content);
        importReport.addAll(contentImport.run());
        if (testClientSecret() == null) {
            importReport.add("demo publishing and answers skipped: they sign in demo users through the beacon-tests "
                    + "client, and BEACON_TEST_CLIENT_SECRET is not set for the external Keycloak");
            return;
        }
        importReport.addAll(new DemoData(contentImport, settings.keycloakUrl(), testClientSecret()).publish());
        if (ownData) {
            stamp.record();
        }
    }

    /** What the content import did at start, one line per item. */
    public List<String> importReport() {
        return List.copyOf(importReport);
    }

    private String gatewayClientSecret() {
        String secret = secret("gateway-client-secret");
        if (secret == null) {
            throw new IllegalStateException("With BEACON_KEYCLOAK_URL, set BEACON_GATEWAY_CLIENT_SECRET (the gateway "
                    + "client's secret in that Keycloak)");
        }
        return secret;
    }

    private void startKeycloak() {
        Map<String, String> realmVariables = Map.of(
                "BEACON_GATEWAY_URL", settings.gatewayUrl(),
                "BEACON_GATEWAY_CLIENT_SECRET", gatewayClientSecret(),
                "BEACON_TEST_CLIENT_SECRET", testClientSecret(),
                "BEACON_IMPORTER_CLIENT_SECRET", importerClientSecret(),
                "BEACON_DIRECTORY_CLIENT_SECRET", directoryClientSecret(),
                "KEYCLOAK_ADMIN_SECRET", secrets.get("keycloak-admin-password"));
        KeycloakServer.Started started = KeycloakServer.start(settings, realmVariables, this::announce);
        classArchives.put(started.process().name, started.classes());
        ChildProcess keycloak = register(started.process());
        WaitFor.http("keycloak", settings.keycloakUrl() + "/realms/beacon/.well-known/openid-configuration",
                status -> status == 200, READY_TIMEOUT, keycloak.process(), keycloak.log.toString());
    }

    private void startPostgres() {
        if (settings.externalDatabaseUrl() != null) {
            databaseUrl = settings.externalDatabaseUrl();
            databaseUser = settings.externalDatabaseUser();
            databasePassword = settings.externalDatabasePassword();
            return;
        }
        Postmaster postmaster = Postmaster.prepare(settings.home().resolve("postgres"), settings.postgresPort());
        register(postmaster.supervise(settings.logs().resolve("postgres.log"), READY_TIMEOUT, this::announce));
        databaseUrl = postmaster.jdbcUrl();
        databaseUser = "postgres";
        databasePassword = "postgres";
    }

    private void startS3() {
        if (settings.externalS3Endpoint() != null) {
            s3Endpoint = settings.externalS3Endpoint();
            s3AccessKey = settings.externalS3AccessKey();
            s3SecretKey = settings.externalS3SecretKey();
            return;
        }
        register(ChildProcess.supervise("s3", settings.logs().resolve("s3proxy.log"),
                restart -> S3ProxyServer.start(settings.s3Port(), settings.home().resolve("s3"), settings.logs())
                        .process(),
                ChildProcess::terminate, this::announce));
        s3Endpoint = "http://127.0.0.1:" + settings.s3Port();
        s3AccessKey = S3ProxyServer.ACCESS_KEY;
        s3SecretKey = S3ProxyServer.SECRET_KEY;
    }

    private ChildProcess service(String module, int port, int managementPort, String bucket) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.management.port", String.valueOf(managementPort));
        config.put("quarkus.datasource.jdbc.url", databaseUrl);
        config.put("quarkus.datasource.username", databaseUser);
        config.put("quarkus.datasource.password", databasePassword);
        config.put("quarkus.oidc.auth-server-url", settings.keycloakUrl() + "/realms/beacon");
        config.put("beacon.storage.endpoint", s3Endpoint);
        config.put("beacon.storage.access-key", s3AccessKey);
        config.put("beacon.storage.secret-key", s3SecretKey);
        config.put("beacon.storage.bucket", bucket);
        // Certificate verification links and survey QR codes point readers at the gateway, wherever it listens.
        config.put(module.equals("training-service") ? "beacon.public-url" : "beacon.surveys.public-url",
                settings.gatewayUrl());
        if (module.equals("campaign-service")) {
            // Only this demo stack lets the shipped demo help entries open the publishing gate (false by default).
            config.put("beacon.help.demo-counts-for-gate", "true");
        }
        Map<String, String> environment = new HashMap<>();
        if (module.equals("training-service") && directoryClientSecret() != null) {
            // Trainers' trainee search reads Keycloak's admin API with the read-only beacon-directory account.
            environment.put("BEACON_DIRECTORY_CLIENT_SECRET", directoryClientSecret());
        }
        return application(module, config, environment);
    }

    private ChildProcess gateway() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.port", String.valueOf(settings.gatewayPort()));
        config.put("quarkus.management.port", String.valueOf(settings.management().gateway()));
        config.put("quarkus.oidc.auth-server-url", settings.keycloakUrl() + "/realms/beacon");
        config.put("beacon.upstream.training", trainingUrl());
        config.put("beacon.upstream.campaigns", campaignUrl());
        Map<String, String> environment = new HashMap<>(Map.of(
                "BEACON_GATEWAY_CLIENT_SECRET", gatewayClientSecret(),
                "BEACON_SESSION_SECRET", secrets.get("session-encryption-secret")));
        if (directoryClientSecret() != null) {
            environment.put("BEACON_DIRECTORY_CLIENT_SECRET", directoryClientSecret());
        }
        return application("gateway", config, environment);
    }

    private ChildProcess application(String module, Map<String, String> config, Map<String, String> environment) {
        Path jar = applicationDirectory(module).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not built (" + jar + " missing); run ./mvnw package");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_OPTIONS);
        ClassArchive classes = settings.classArchive(module, JVM_OPTIONS,
                List.of(jar.getParent()));
        classArchives.put(module, classes);
        command.addAll(classes.jvmOptions());
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> withMalloc = new HashMap<>(environment);
        withMalloc.put("MALLOC_ARENA_MAX", "2");
        return register(ChildProcess.supervise(module, command, withMalloc, settings.repository(),
                settings.logs().resolve(module + ".log"), this::announce,
                classes.stopGrace(ChildProcess.STOP_TIMEOUT)));
    }

    /** Where the build of one application is: its runner jar and libraries. */
    private Path applicationDirectory(String module) {
        return settings.repository().resolve(module + "/target/quarkus-app");
    }

    private synchronized ChildProcess register(ChildProcess child) {
        if (closed) {
            // Stopped while this part was starting (Ctrl-C during start-up): never leave it running.
            try {
                child.close();
            } catch (Exception e) {
                System.err.println("While stopping the stack: " + e);
            }
            throw new IllegalStateException("The stack was stopped while starting");
        }
        running.push(child);
        parts.put(child.name, child);
        return child;
    }

    @Override
    public synchronized void close() {
        closed = true;
        // First to all, so no part is restarted while the ones before it stop (Ctrl-C signals them all at once).
        running.forEach(ChildProcess::endSupervision);
        while (!running.isEmpty()) {
            try {
                ChildProcess child = running.pop();
                child.close();
                ClassArchive classes = classArchives.get(child.name);
                if (classes != null) {
                    classes.settle(child.process());
                }
            } catch (Exception e) {
                System.err.println("While stopping the stack: " + e);
            }
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
