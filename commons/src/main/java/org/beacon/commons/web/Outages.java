package org.beacon.commons.web;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Says in the log when a dependency goes away and when it is back, once each. While it is away every request that
 * needs it fails the same way; a stack trace per request would bury everything else in the log (thousands of lines
 * a second under load) and tell nothing new.
 */
@ApplicationScoped
public class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private record Outage(long sinceNanos, long failures) {
    }

    private final Map<Dependency, Outage> current = new EnumMap<>(Dependency.class);
    private volatile boolean[] down = new boolean[Dependency.values().length];
    private final Map<Dependency, ScheduledFuture<?>> probing = new EnumMap<>(Dependency.class);
    private ScheduledExecutorService prober;

    @Inject
    @Any
    Instance<DependencyProbe> probes;

    /** A request failed because {@code dependency} could not be reached ({@code cause} null: known to be away). */
    public void failed(Dependency dependency, Throwable cause) {
        synchronized (current) {
            Outage outage = current.get(dependency);
            if (outage != null) {
                current.put(dependency, new Outage(outage.sinceNanos(), outage.failures() + 1));
                return;
            }
            current.put(dependency, new Outage(System.nanoTime(), 1));
            publish();
            startProbing(dependency);
        }
        LOG.warnf("The %s cannot be reached (%s); answering 503 until it is back", dependency.label(),
                describe(cause));
    }

    /** {@code dependency} answered again; logs the end of an outage if there was one. */
    public void recovered(Dependency dependency) {
        if (!isDown(dependency)) {
            return;
        }
        Outage outage;
        synchronized (current) {
            outage = current.remove(dependency);
            publish();
            ScheduledFuture<?> probe = probing.remove(dependency);
            if (probe != null) {
                probe.cancel(false);
            }
        }
        if (outage != null) {
            Duration length = Duration.ofNanos(System.nanoTime() - outage.sinceNanos());
            LOG.infof("The %s is reachable again after %d s (%d failed requests)", dependency.label(),
                    length.toSeconds(), outage.failures());
        }
    }

    /** Read on every request: a volatile look rather than the lock. */
    public boolean isDown(Dependency dependency) {
        return down[dependency.ordinal()];
    }

    /** Called with {@code current} locked. */
    private void publish() {
        boolean[] now = new boolean[Dependency.values().length];
        current.keySet().forEach(dependency -> now[dependency.ordinal()] = true);
        down = now;
    }

    /** Called with {@code current} locked. */
    private void startProbing(Dependency dependency) {
        for (DependencyProbe probe : probes) {
            if (probe.dependency() == dependency) {
                if (prober == null) {
                    prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "beacon-outage-probe");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                probing.put(dependency, prober.scheduleWithFixedDelay(() -> {
                    if (probe.reachable()) {
                        recovered(dependency);
                    }
                }, 1, 1, TimeUnit.SECONDS));
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        synchronized (current) {
            if (prober != null) {
                prober.shutdownNow();
            }
        }
    }

    /** The innermost message: the driver's "Connection refused", not three layers of wrapping. */
    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
