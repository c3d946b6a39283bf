package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The browser collector's bundle that campaign-service serves is committed (so campaign-service builds without
 * Node); this test rebuilds it from devstack/odk's lock file and sources and fails when the committed file is not
 * exactly that build, e.g. after a change to src/collector.js or an engine upgrade without `node build.mjs --collector`.
 */
public class CollectorBundleIT {

    @Test
    void theCommittedCollectorBundleIsTheBuildOfTheLockedPackages() throws Exception {
        Path repository = Path.of(System.getProperty("beacon.repository", "..")).toAbsolutePath().normalize();
        Path odk = repository.resolve("devstack/odk");
        assertTrue(Files.isDirectory(odk.resolve("node_modules/@getodk/xforms-engine")),
                "run `npm ci` in " + odk + " (.ci/run does)");
        Path rebuilt = repository.resolve("devstack/target/odk/beacon-collector.js");
        Files.createDirectories(rebuilt.getParent());
        Process build = new ProcessBuilder("node", "build.mjs", "--collector", rebuilt.toString())
                .directory(odk.toFile()).redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(5, TimeUnit.MINUTES) && build.exitValue() == 0, "bundling failed: " + log);
        Path committed = repository.resolve("campaign-service/src/main/resources/collector/beacon-collector.js");
        assertEquals(sha256(rebuilt), sha256(committed), committed + " is stale: run `node build.mjs --collector` in "
                + odk + " and commit the result");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
