package org.beacon.training.enrolment;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.training.course.CourseQueries;
import org.beacon.training.media.MediaStudy;

/** A file is studied when a version that uses it is published, or when the person is enrolled in one that does. */
@ApplicationScoped
public class StudiedMedia implements MediaStudy {

    @Inject
    CourseQueries courses;

    @Override
    public boolean studies(String subject, long attachmentId) {
        Map<Long, Boolean> publishedByVersion = courses.versionsUsing(attachmentId);
        if (publishedByVersion.containsValue(Boolean.TRUE)) {
            return true;
        }
        return !publishedByVersion.isEmpty()
                && Enrolment.count("subject = ?1 and versionId in ?2", subject, publishedByVersion.keySet()) > 0;
    }
}
