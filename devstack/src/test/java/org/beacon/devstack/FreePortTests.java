package org.beacon.devstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.beacon.testing.FreePort;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The test stacks' ports stay below the kernel's ephemeral range: a server port inside it can be taken, before the
 * server starts, by an outgoing connection's local port (Keycloak then fails with "Port already bound").
 */
class FreePortTests {

    @Test
    void portsComeFromBelowTheKernelsEphemeralRange() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        Assumptions.assumeTrue(Files.isReadable(range), "a Linux kernel publishes its range");
        int start = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
        for (int i = 0; i < 200; i++) {
            int port = FreePort.find();
            assertTrue(port < start, port + " is inside the ephemeral range starting at " + start);
        }
    }
}
