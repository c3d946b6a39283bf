package org.beacon.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.beacon.commons.security.Roles;
import org.junit.jupiter.api.Test;

class PageFrameTests {

    @Test
    void eachRoleIsOfferedOnlyTheAreasItMayOpen() {
        assertEquals(List.of("/", "/campaigns/surveys"), hrefs(Set.of(Roles.EVALUATOR)));
        assertEquals(List.of("/", "/training"), hrefs(Set.of(Roles.TRAINEE)));
        assertEquals(List.of("/", "/campaigns/manage", "/campaigns/surveys"), hrefs(Set.of(Roles.CAMPAIGN_MANAGER)));
        // Trainers open the completion reports of their organization (PRODUCT.md §3).
        assertEquals(List.of("/", "/training", "/training/cohorts", "/training/author", "/training/reports"),
                hrefs(Set.of(Roles.TRAINER, Roles.AUTHOR)));
        assertEquals(List.of("/", "/training", "/training/cohorts", "/training/author", "/training/author/import",
                "/campaigns/manage", "/campaigns/surveys", "/training/reports", "/admin/organizations", "/admin/audit"),
                hrefs(Set.of(Roles.ADMIN)));
        // Keycloak's own roles open nothing.
        assertEquals(List.of("/"), hrefs(Set.of("offline_access", "default-roles-beacon")));
    }

    @Test
    void aVisitorIsOfferedThePublicDoorsAndSignIn() {
        PageHeader header = PageFrame.build("en", false, "", Set.of(), "/campaigns/public", "/campaigns/public");
        assertEquals(List.of("/", "/campaigns/public", "/training/public/verify"),
                header.links().stream().map(PageHeader.Link::href).toList());
        assertFalse(header.signedIn());
        assertEquals("Sign in", header.texts().signIn());
        assertTrue(header.links().get(1).current());
    }

    @Test
    void theOpenAreaIsTheLongestAddressThePathStartsWith() {
        List<Navigation.Area> areas = Navigation.areasFor(true, Set.of(Roles.ADMIN));
        assertEquals("/training/cohorts", Navigation.currentHref("/training/cohorts/12", areas));
        assertEquals("/training", Navigation.currentHref("/training/enrolments/3", areas));
        assertEquals("/training/author/import", Navigation.currentHref("/training/author/import", areas));
        assertEquals("/training/author", Navigation.currentHref("/training/author/versions/4", areas));
        assertEquals("/", Navigation.currentHref("/", areas));
        assertNull(Navigation.currentHref("/trainingx", areas));
    }

    @Test
    void theHeaderIsInTheReadersLanguageAndTheChooserComesBackToThePage() {
        PageHeader header = PageFrame.build("fr", true, "Amina", Set.of(Roles.TRAINEE), "/training",
                "/training?page=2&x=é");
        assertEquals("Se déconnecter", header.texts().signOut());
        assertEquals("Formation", header.links().get(1).label());
        assertEquals("/lang?l=ar&back=%2Ftraining%3Fpage%3D2%26x%3D%C3%A9", header.languages().get(4).href());
        // Keycloak's page in the reader's language, and back to this page after signing in.
        assertEquals("/login?back=%2Ftraining%3Fpage%3D2%26x%3D%C3%A9&ui_locales=fr", header.signInHref());
        assertTrue(header.languages().get(1).current());
        assertEquals("ltr", header.direction());
        assertEquals("rtl", PageFrame.build("ar", false, "", Set.of(), "/", "/").direction());
    }

    @Test
    void everyHeaderWordExistsInEveryInterfaceLanguage() {
        for (String language : org.beacon.commons.i18n.Languages.SUPPORTED) {
            PageHeader header = PageFrame.build(language, true, "A", Set.of(Roles.ADMIN), "/", "/");
            header.links().forEach(link -> assertFalse(link.label().isBlank(), language));
            assertFalse(header.texts().signOut().isBlank(), language);
        }
        assertFalse(PageFrame.build("pt", true, "A", Set.of(Roles.ADMIN), "/", "/").texts().signOut()
                .equals(PageFrame.build("en", true, "A", Set.of(Roles.ADMIN), "/", "/").texts().signOut()));
    }

    @Test
    void aServicesOwnSentenceIsFoundForTranslation() {
        assertEquals("detail.other-trainee", ErrorPage.keyOf("This enrolment belongs to another trainee."));
        assertNull(ErrorPage.keyOf("A sentence no bundle has."));
    }

    private static List<String> hrefs(Set<String> roles) {
        return PageFrame.build("en", true, "Someone", roles, "/", "/").links().stream().map(PageHeader.Link::href)
                .toList();
    }
}
