package org.beacon.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Secrets of a local stack, generated on first start and kept in its data directory: Keycloak imports the realm
 * only once, so the gateway's client secret must stay the same from one start to the next.
 */
final class Secrets {

    private final Properties values = new Properties();
    private final Path file;

    private Secrets(Path file) {
        this.file = file;
    }

    static Secrets in(Path home) {
        Secrets secrets = new Secrets(home.resolve("secrets.properties"));
        if (Files.exists(secrets.file)) {
            try (Reader reader = Files.newBufferedReader(secrets.file)) {
                secrets.values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secrets;
    }

    String get(String name) {
        String value = values.getProperty(name);
        if (value == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            value = HexFormat.of().formatHex(random);
            values.setProperty(name, value);
            save();
        }
        return value;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "Generated secrets of the local Beacon stack; never used outside it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
