package org.beacon.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's supervision of its children, on a child that only sleeps. */
class ChildProcessTests {

    @TempDir
    Path directory;

    final List<String> console = new CopyOnWriteArrayList<>();

    @Test
    void aKilledChildIsStartedAgainAfterABackOffAndTheConsoleSaysSo() throws Exception {
        try (ChildProcess sleeper = sleeper()) {
            Process first = sleeper.process();
            first.destroyForcibly();

            awaitTrue(() -> running(sleeper) && sleeper.process().pid() != first.pid(), Duration.ofSeconds(10));
            assertEquals(List.of("sleeper exited (status 137); restarting in 1 s"), console);
        }
    }

    @Test
    void aChildThatKeepsDyingYoungWaitsLongerEachTime() throws Exception {
        try (ChildProcess sleeper = sleeper()) {
            sleeper.process().destroyForcibly();
            awaitTrue(() -> console.size() == 1 && running(sleeper), Duration.ofSeconds(10));
            sleeper.process().destroyForcibly();
            awaitTrue(() -> console.size() == 2, Duration.ofSeconds(10));

            assertEquals("sleeper exited (status 137); restarting in 2 s", console.get(1));
        }
    }

    @Test
    void aHeldChildStaysStoppedUntilReleased() throws Exception {
        try (ChildProcess sleeper = sleeper()) {
            Process first = sleeper.process();
            sleeper.hold();
            assertFalse(first.isAlive());
            Thread.sleep(1_500);
            assertFalse(running(sleeper), "not restarted while held");

            sleeper.release();
            awaitTrue(() -> running(sleeper), Duration.ofSeconds(5));
            assertEquals(List.of(), console, "a stop that was asked for is no death to announce");
        }
    }

    @Test
    void closingStopsTheChildForGood() throws Exception {
        ChildProcess sleeper = sleeper();
        Process first = sleeper.process();
        sleeper.close();

        assertFalse(first.isAlive());
        Thread.sleep(1_500);
        assertEquals(first, sleeper.process(), "nothing started after close");
        assertEquals(List.of(), console);
    }

    @Test
    void aChildThatStopsSlowlyIsGivenItsGraceAndNotKilled() throws Exception {
        // takes 3 s to finish its writes after SIGTERM, as Keycloak closing its H2 file on a busy machine
        List<String> slowToStop = List.of("sh", "-c", "trap 'sleep 3; exit 7' TERM; while :; do sleep 0.2; done");
        ChildProcess patient = ChildProcess.supervise("keycloak", slowToStop, Map.of(), directory,
                directory.resolve("keycloak.log"), console::add, Duration.ofSeconds(60));
        Process first = patient.process();
        Thread.sleep(300); // the trap is set
        patient.close();

        assertEquals(7, first.exitValue(), "it finished stopping on its own, not killed (137)");

        ChildProcess hurried = ChildProcess.supervise("keycloak", slowToStop, Map.of(), directory,
                directory.resolve("keycloak.log"), console::add, Duration.ofMillis(500));
        Process second = hurried.process();
        Thread.sleep(300);
        hurried.close();

        assertEquals(137, second.exitValue(), "a grace shorter than its stop kills it");
    }

    private ChildProcess sleeper() {
        ChildProcess sleeper = ChildProcess.supervise("sleeper", List.of("sleep", "600"), Map.of(), directory,
                directory.resolve("sleeper.log"), console::add);
        assertTrue(sleeper.process().isAlive());
        return sleeper;
    }

    private static boolean running(ChildProcess child) {
        Process process = child.process();
        return process != null && process.isAlive();
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
