package org.beacon.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm Keycloak imports: the versioned {@code keycloak/beacon-realm.json}, plus, for local and test stacks
 * only, the demo users and the password-grant client of {@code keycloak/beacon-realm-demo.json}. Keycloak imports
 * one file per realm, so the two are merged into one.
 */
final class RealmFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmFile() {
    }

    static void write(Path repository, boolean withDemo, Path target) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(repository.resolve("keycloak/beacon-realm.json").toFile());
            if (withDemo) {
                ObjectNode demo = (ObjectNode) JSON.readTree(
                        repository.resolve("keycloak/beacon-realm-demo.json").toFile());
                for (String list : new String[] { "users", "clients" }) {
                    ArrayNode merged = realm.withArray(list);
                    demo.withArray(list).forEach(merged::add);
                }
            }
            Files.createDirectories(target.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
