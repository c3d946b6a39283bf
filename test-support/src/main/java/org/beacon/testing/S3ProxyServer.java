package org.beacon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The S3-compatible server used on a laptop and in CI: s3proxy as a subprocess (in-JVM embedding drags logging
 * frameworks into the caller). With a data directory it persists blobs on disk; without one it keeps them in memory.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "beacon";
    public static final String SECRET_KEY = "beacon-local-secret";

    private final Process process;
    private final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The s3proxy jar: the {@code beacon.s3proxy.jar} property, else the copy the build fetched. */
    public static Path jar() {
        String configured = System.getProperty("beacon.s3proxy.jar", System.getenv("BEACON_S3PROXY_JAR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", "4.1.0",
                "s3proxy-4.1.0-jar-with-dependencies.jar");
    }

    public static S3ProxyServer start(int port, Path dataDirectory, Path workDirectory) {
        try {
            Files.createDirectories(workDirectory);
            List<String> properties = new ArrayList<>(List.of(
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY));
            if (dataDirectory == null) {
                properties.add("jclouds.provider=transient");
            } else {
                Files.createDirectories(dataDirectory);
                properties.add("jclouds.provider=filesystem-nio2");
                properties.add("jclouds.filesystem.basedir=" + dataDirectory.toAbsolutePath());
            }
            Path config = workDirectory.resolve("s3proxy.properties");
            Files.write(config, properties);
            Path log = workDirectory.resolve("s3proxy.log");
            Path jar = jar();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("s3proxy jar not found at " + jar + "; run the build once");
            }
            Process process = new ProcessBuilder(javaExecutable(), "-Xmx128m", "-jar", jar.toString(),
                    "--properties", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            WaitFor.port("s3proxy", port, Duration.ofSeconds(60), process, log.toString());
            return new S3ProxyServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
