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
            try {
                Path repository = Path.of(System.getProperty("beacon.repository", "..")).toAbsolutePath().normalize();
                Path home = Files.createTempDirectory("beacon-e2e");
                Stack created = Stack.of(StackSettings.forTests(repository, home));
                Runtime.getRuntime().addShutdownHook(new Thread(created::close));
                stack = created.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }
}
