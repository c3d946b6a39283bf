package org.beacon.devstack;

import java.nio.file.Path;
import java.util.List;

import org.beacon.devstack.content.DemoData;

/**
 * The run command: starts the whole platform with the shipped content and demo users, prints where to go and how
 * to sign in, and stops everything on Ctrl-C.
 */
public final class Devstack {

    /** Demo accounts of keycloak/beacon-realm-demo.json: username, role, organization. */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] { "trainee", "trainee", "police-academy" },
            new String[] { "trainer", "trainer", "police-academy" },
            new String[] { "author", "author", "police-academy" },
            new String[] { "reviewer", "author (second reviewer)", "police-academy" },
            new String[] { "manager", "campaign-manager", "national-coordination" },
            new String[] { "manager2", "campaign-manager (second approver)", "national-coordination" },
            new String[] { "evaluator", "evaluator", "national-coordination" },
            new String[] { "ngo-manager", "campaign-manager", "civil-society-ngo" },
            new String[] { "ngo-evaluator", "evaluator", "civil-society-ngo" },
            new String[] { "admin", "admin", "national-coordination" });

    private Devstack() {
    }

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("beacon.repository", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(repository, System.getenv());
        long started = System.nanoTime();
        System.out.println("Starting Beacon; logs in " + settings.logs());
        Stack stack = Stack.of(settings);
        // Registered before anything starts, so Ctrl-C during start-up stops what was already running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Beacon...");
            stack.close();
            System.out.println("Stopped.");
        }));
        stack.start();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!stack.importReport().isEmpty()) {
            System.out.println("\nContent imported from content/:");
            stack.importReport().forEach(line -> System.out.println("  " + line));
        }
        System.out.printf("%nBeacon is ready after %.1f s.%n%n", seconds);
        System.out.println("  Open      " + stack.gatewayUrl());
        System.out.println("  Keycloak  " + stack.keycloakUrl() + "  (realm beacon)");
        System.out.println("  Logs      " + stack.logs());
        System.out.println("  OpenAPI   " + stack.managementUrl("training-service") + "/q/openapi, "
                + stack.managementUrl("campaign-service") + "/q/openapi  (health and metrics beside them)");
        System.out.println();
        System.out.println("  Demo logins (password for all: " + DemoData.DEMO_PASSWORD + ")");
        for (String[] user : DEMO_USERS) {
            System.out.printf("    %-14s %-36s %s%n", user[0], user[1], user[2]);
        }
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
