package org.beacon.devstack;

import java.util.concurrent.ConcurrentSkipListMap;

/** A JVM for {@link ClassArchiveTests}: loads a few classes beyond the JDK's own archive, says so, then waits. */
public final class ArchivedSleeper {

    static final String READY = "sleeper ready";

    private ArchivedSleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(new ConcurrentSkipListMap<String, String>().size() + " " + READY);
        System.out.flush();
        Thread.sleep(600_000);
    }
}
