package org.beacon.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port nobody listens on, so parallel test runs and a running devstack never collide.
 *
 * <p>Ports come from below the kernel's ephemeral range on purpose. A port handed out by the kernel for
 * {@code bind(0)} lies inside that range, and so does every outgoing connection's local port: a stack that hands
 * out its ports first and starts its last server half a minute later (after Keycloak, database pools and S3 have
 * opened hundreds of connections) could find that port taken by one of its own clients. No port is handed out
 * twice in one JVM.
 */
public final class FreePort {

    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    public static synchronized int find() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(candidate) && bindable(candidate)) {
                HANDED_OUT.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + below);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux publishes the range; elsewhere the IANA dynamic range (49152-65535) is assumed. */
    private static int ephemeralRangeStart() {
        try {
            // Read as lines: Files.readString sizes its read by the file's size, which /proc gives as 0, and
            // returned only "3" of "32768 60999", so every port came from up to 49,152, inside the range.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 49_152;
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
