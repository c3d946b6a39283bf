package org.beacon.training.cohort;

import org.beacon.commons.web.Dependency;
import org.beacon.commons.web.DependencyFailure;

/** Keycloak's admin API did not answer, or refused the service account: a 503, nothing changed. */
public class DirectoryUnavailable extends DependencyFailure {

    DirectoryUnavailable(String message, Throwable cause) {
        super(Dependency.DIRECTORY, message, cause);
    }
}
