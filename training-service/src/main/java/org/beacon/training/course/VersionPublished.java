package org.beacon.training.course;

/**
 * A course version was approved and published (fired inside the approving transaction). Packages that keep state
 * about older versions react to it themselves (certificates: "refresher due" after a legal change), so the course
 * package does not write their tables.
 */
public record VersionPublished(long courseId, long versionId, int number, boolean legalChange) {
}
