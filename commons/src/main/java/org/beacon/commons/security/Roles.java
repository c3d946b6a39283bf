package org.beacon.commons.security;

/** Realm roles of the {@code beacon} Keycloak realm (PRODUCT.md §1). */
public final class Roles {
    public static final String TRAINEE = "trainee";
    public static final String TRAINER = "trainer";
    public static final String AUTHOR = "author";
    public static final String CAMPAIGN_MANAGER = "campaign-manager";
    public static final String EVALUATOR = "evaluator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
