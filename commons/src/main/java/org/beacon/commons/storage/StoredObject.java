package org.beacon.commons.storage;

/** What the store knows of an object: enough to stream it back with the right headers. */
public record StoredObject(String key, String contentType, long size) {
}
