package org.beacon.k8s;

/** A manifest or kustomization that kubectl would refuse, or that would not run as intended. */
final class InvalidManifest extends RuntimeException {

    InvalidManifest(String message) {
        super(message);
    }

    InvalidManifest(String message, Throwable cause) {
        super(message, cause);
    }
}
