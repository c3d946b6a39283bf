package org.beacon.training.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much of a course package the service reads. A zip says nothing trustworthy about its own size: 64 KB can
 * inflate to gigabytes, so every limit is counted while the bytes arrive and inflate, never taken from the zip's
 * headers. Only the text files (course.yaml, lessons, question banks) are held in memory; media files go to temporary
 * files. With the defaults an import holds at most {@code max-text-bytes} of text in a 128 MB heap (the heap a
 * 256 Mi pod gives the JVM).
 */
@ConfigMapping(prefix = "beacon.imports")
public interface ImportLimits {

    /** The zip as uploaded; the HTTP body limit ({@code quarkus.http.limits.max-body-size}) is above it. */
    @WithDefault("62914560")
    long maxArchiveBytes();

    /** Entries of the zip, folders included: each costs a header to parse and a file to check. */
    @WithDefault("1000")
    int maxEntries();

    /** One file, inflated. Media files are also held to {@code beacon.uploads.max-bytes} when they are checked. */
    @WithDefault("52428800")
    long maxEntryBytes();

    /** All files together, inflated (on disk, apart from the text). */
    @WithDefault("209715200")
    long maxTotalBytes();

    /** The text files together, inflated: they are parsed in memory. */
    @WithDefault("8388608")
    long maxTextBytes();

    /** Lessons of one course: every lesson becomes rows, texts and pages in every language. */
    @WithDefault("300")
    int maxLessons();
}
