package org.beacon.k8s;

/** The parts of a container image reference: registry/repository, then an optional :tag and @digest. */
final class ImageReference {

    private ImageReference() {
    }

    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port (registry:5000/beacon/gateway).
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** The tag, or null when the image has none (and would pull "latest"). */
    static String tag(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String repository = repository(image);
        return withoutDigest.length() > repository.length() ? withoutDigest.substring(repository.length() + 1) : null;
    }
}
