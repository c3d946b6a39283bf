package org.beacon.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.beacon.testing.WaitFor;

/**
 * The local stack's PostgreSQL: zonky's binaries and cluster, but a postmaster the stack runs as its own child
 * process. zonky starts the postmaster through {@code pg_ctl}, which leaves it running as nobody's child, and cannot
 * start it again; as a child its death is seen at once (with its exit status) and the supervisor restarts it on the
 * same data directory and port.
 *
 * <p>Unlike the throw-away test databases (zonky's defaults, {@code -F} and {@code synchronous_commit=off}), it runs
 * durably: a survey answer is acknowledged only after its commit reached the disk, so neither a crash of the
 * postmaster nor of the machine loses it.
 */
final class Postmaster {

    /**
     * Durability as PostgreSQL ships it, spelled out because zonky's defaults turn it off. The settings come after
     * any {@code -F} on the command line, and PostgreSQL takes the last value given.
     */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    private final Path server;
    private final Path dataDirectory;
    private final int port;

    private Postmaster(Path server, Path dataDirectory, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Lets zonky unpack its binaries and create the cluster on first use (initdb with its options), by starting and
     * stopping it once: its public API offers no other way to either. That start also recovers a cluster whose
     * postmaster was killed. The binaries are the ones that postmaster ran from.
     */
    static Postmaster prepare(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            settings().forEach(builder::setServerConfig);
            Path server;
            try (EmbeddedPostgres ignored = builder.start()) {
                long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
                server = ProcessHandle.of(pid).flatMap(handle -> handle.info().command()).map(Path::of)
                        .orElseThrow(() -> new IllegalStateException("Cannot tell where zonky's postgres runs from"));
            }
            return new Postmaster(server, dataDirectory, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the postmaster as a supervised child, logging to {@code log}, and waits until it takes sessions. */
    ChildProcess supervise(Path log, Duration readyTimeout, Consumer<String> console) {
        ChildProcess postgres = ChildProcess.supervise("postgres", log,
                restart -> ChildProcess.launch(command(), Map.of(), dataDirectory, log, restart),
                Postmaster::askToStop, console);
        try {
            awaitReady(readyTimeout, postgres.process(), log);
            return postgres;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The postmaster in the foreground, its log on standard error. */
    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; zonky runs it in a user namespace of its own, and so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(server.toString(), "-D", dataDirectory.toString(), "-p", String.valueOf(port)));
        settings().forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        return command;
    }

    /** SIGINT is PostgreSQL's fast shutdown: SIGTERM would wait for every pooled connection to close. */
    static void askToStop(Process postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor();
        } catch (IOException e) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroy();
        }
    }

    /** Waits until the server accepts a session: an open port alone may still be crash recovery. */
    private void awaitReady(Duration timeout, Process postmaster, Path log) {
        WaitFor.condition("postgres", timeout, postmaster, log.toString(), () -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
                return connection.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        });
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("max_connections", "200");
        settings.put("timezone", "UTC");
        settings.putAll(DURABLE);
        return settings;
    }
}
