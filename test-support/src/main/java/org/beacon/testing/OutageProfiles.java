package org.beacon.testing;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Test profiles for the fault tests: each gives the service its own real dependencies, one of which the test takes
 * away ({@link Outage}, {@link SignInServer}), instead of the shared ones every other test relies on.
 */
public final class OutageProfiles {

    private OutageProfiles() {
    }

    /** Only the resources named, none of the global ones. */
    abstract static class OwnResources implements QuarkusTestProfile {
        private final List<Class<? extends QuarkusTestResourceLifecycleManager>> resources;

        @SafeVarargs
        OwnResources(Class<? extends QuarkusTestResourceLifecycleManager>... resources) {
            this.resources = List.of(resources);
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return resources.stream().map(TestResourceEntry::new).toList();
        }
    }

    /** The database can be stopped and started. */
    public static class Database extends OwnResources {
        public Database() {
            super(StoppablePostgresResource.class, S3Resource.class, TestTokens.class);
        }
    }

    /** No object store at start; the test starts and stops one. */
    public static class Storage extends OwnResources {
        public Storage() {
            super(PostgresResource.class, AbsentS3Resource.class, TestTokens.class);
        }
    }

    /** No sign-in server at start (tokens are checked through discovery, not a configured key). */
    public static class SignIn extends OwnResources {
        public SignIn() {
            super(PostgresResource.class, S3Resource.class, SignInServer.Resource.class);
        }
    }
}
