package org.beacon.training;

/** What the training bucket holds, read beside the service: a refused request must leave no file behind. */
public final class StoredObjects {

    private StoredObjects() {
    }

    /** The number of stored attachment files. */
    public static long attachments() {
        return org.beacon.testing.StoredObjects.count("attachments/");
    }
}
