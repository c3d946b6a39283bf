package org.beacon.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A process the stack started and keeps running. When it ends without being asked to (a crash, the kernel's
 * out-of-memory killer, {@code kill -9}), it is started again after a back-off that grows while it keeps dying
 * young, and the console says so. Stopping it ({@link #close()} on Ctrl-C, or {@link #hold()}) never restarts it.
 * Stopping it stops its children too.
 */
final class ChildProcess implements AutoCloseable {

    /** Starts the part's process; called again for each restart. */
    interface Launcher {
        Process launch(boolean restart) throws IOException;
    }

    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);
    /** A part that stayed up this long had recovered: its next death starts again from the first back-off. */
    private static final Duration STABLE = Duration.ofSeconds(30);
    /**
     * Ctrl-C signals every child at the same moment as the stack; this long after an exit, the stack's shutdown
     * hook has said whether the exit was asked for, so no restart is announced while everything stops.
     */
    private static final Duration SETTLE = Duration.ofMillis(200);
    /** How long a part may take to stop after it was asked to before it is killed, unless it needs longer. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    final String name;
    final Path log;
    private final Launcher launcher;
    private final Consumer<Process> askToStop;
    private final Consumer<String> console;
    private final Duration stopGrace;
    private final Thread supervisor;

    // Guarded by this.
    private Process process;
    private long launchedAt;
    private boolean held;
    private boolean closed;

    private ChildProcess(String name, Path log, Launcher launcher, Consumer<Process> askToStop,
            Consumer<String> console, Duration stopGrace, Process first) {
        this.name = name;
        this.log = log;
        this.launcher = launcher;
        this.askToStop = askToStop;
        this.console = console;
        this.stopGrace = stopGrace;
        this.process = first;
        this.launchedAt = System.nanoTime();
        this.supervisor = new Thread(this::supervise, "supervisor-" + name);
        this.supervisor.setDaemon(true);
        this.supervisor.start();
    }

    /** Launches the part and keeps it running; {@code askToStop} sends the signal it stops cleanly on. */
    static ChildProcess supervise(String name, Path log, Launcher launcher, Consumer<Process> askToStop,
            Consumer<String> console) {
        return supervise(name, log, launcher, askToStop, console, STOP_TIMEOUT);
    }

    private static ChildProcess supervise(String name, Path log, Launcher launcher, Consumer<Process> askToStop,
            Consumer<String> console, Duration stopGrace) {
        try {
            return new ChildProcess(name, log, launcher, askToStop, console, stopGrace, launcher.launch(false));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** A command kept running, logging to {@code log} (emptied at the first start, appended to by restarts). */
    static ChildProcess supervise(String name, List<String> command, Map<String, String> environment, Path directory,
            Path log, Consumer<String> console) {
        return supervise(name, command, environment, directory, log, console, STOP_TIMEOUT);
    }

    /**
     * The same, given {@code stopGrace} to stop on SIGTERM before it is killed: a part that writes its own files
     * while it stops (Keycloak's H2 database) is corrupted when killed in the middle.
     */
    static ChildProcess supervise(String name, List<String> command, Map<String, String> environment, Path directory,
            Path log, Consumer<String> console, Duration stopGrace) {
        return supervise(name, log, restart -> launch(command, environment, directory, log, restart),
                ChildProcess::terminate, console, stopGrace);
    }

    /** Starts a command once, unsupervised, with its output in {@code log}. */
    static Process launch(List<String> command, Map<String, String> environment, Path directory, Path log,
            boolean append) throws IOException {
        File file = log.toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(file) : ProcessBuilder.Redirect.to(file));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** SIGTERM to the process and its children: what the JVMs and Keycloak shut down cleanly on. */
    static void terminate(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** The process running now (a restart replaces it). */
    synchronized Process process() {
        return process;
    }

    /** Stops the part and keeps it stopped until {@link #release()}: a server taken away for a while. */
    void hold() {
        Process running;
        synchronized (this) {
            held = true;
            running = process;
        }
        stop(running);
    }

    /** Starts a held part again at once. */
    synchronized void release() {
        held = false;
        notifyAll();
    }

    /** From now on an exit is not restarted; the stack says so to all children before it stops the first one. */
    synchronized void endSupervision() {
        closed = true;
        notifyAll();
    }

    @Override
    public void close() {
        Process running;
        synchronized (this) {
            closed = true;
            running = process;
            notifyAll();
        }
        stop(running);
        try {
            // A restart may be launching right now; it stops what it launched once it sees the part closed.
            supervisor.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void supervise() {
        Duration backOff = Duration.ZERO;
        while (true) {
            Process running;
            long launched;
            synchronized (this) {
                running = process;
                launched = launchedAt;
            }
            String ending = running == null ? "could not start" : "exited (status " + exitStatus(running) + ")";
            synchronized (this) {
                pause(SETTLE);
                if (closed) {
                    return;
                }
                if (held) {
                    while (held && !closed) {
                        pause(LONGEST_BACK_OFF);
                    }
                    if (closed) {
                        return;
                    }
                    backOff = Duration.ZERO;
                } else {
                    boolean recovered = System.nanoTime() - launched >= STABLE.toNanos();
                    backOff = recovered || backOff.isZero() ? FIRST_BACK_OFF
                            : min(backOff.multipliedBy(2), LONGEST_BACK_OFF);
                    console.accept(name + " " + ending + "; restarting in " + backOff.toSeconds() + " s");
                    long until = System.nanoTime() + backOff.toNanos();
                    while (!closed && !held && System.nanoTime() < until) {
                        pause(Duration.ofNanos(until - System.nanoTime()));
                    }
                    if (closed) {
                        return;
                    }
                    if (held) {
                        continue;
                    }
                }
            }
            Process started = relaunch();
            boolean unwanted;
            synchronized (this) {
                process = started;
                launchedAt = System.nanoTime();
                unwanted = closed || held;
            }
            if (unwanted) {
                // Stopped or held while this restart was launching.
                stop(started);
            }
        }
    }

    private Process relaunch() {
        try {
            return launcher.launch(true);
        } catch (IOException | RuntimeException e) {
            console.accept(name + " could not start: " + e.getMessage());
            return null;
        }
    }

    /** Waits on this object's monitor (held by the caller): {@link #release()} and {@link #close()} wake it. */
    private void pause(Duration duration) {
        try {
            wait(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void stop(Process running) {
        if (running == null || !running.isAlive()) {
            return;
        }
        askToStop.accept(running);
        try {
            if (!running.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
                running.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    private static int exitStatus(Process running) {
        while (true) {
            try {
                return running.waitFor();
            } catch (InterruptedException e) {
                // Only close() ends supervision; an interrupt here has nobody to answer to.
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
