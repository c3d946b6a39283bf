package org.beacon.devstack.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.beacon.devstack.Stack;
import org.beacon.devstack.StackSettings;

/**
 * One real stack for all end-to-end journeys of a test run: Keycloak with the project's realm, PostgreSQL, S3 and
 * the three packaged services, on free ports and in a throw-away directory. Started on first use, stopped when
 * the test JVM exits.
 */
public final class E2EStack {

    private static Stack stack;

    private E2EStack() {
    }

    public static synchronized Stack get() {
        if (stack == null) {
            stack = startNew("beacon-e2e");
        }
        return stack;
    }

    /** A stack of its own, for tests that break parts of it; stopped when the test JVM exits at the latest. */
    public static Stack startNew(String directoryPrefix) {
        try {
            Path repository = Path.of(System.getProperty("beacon.repository", "..")).toAbsolutePath().normalize();
            Path home = Files.createTempDirectory(directoryPrefix);
            Stack created = Stack.of(StackSettings.forTests(repository, home));
            Runtime.getRuntime().addShutdownHook(new Thread(created::close));
            return created.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
