package org.beacon.commons.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import org.beacon.commons.i18n.RequestLanguage;

/** What every page's layout needs, available in every template without passing it from each resource. */
@TemplateGlobal
public class PageGlobals {

    static String lang() {
        return Arc.container().instance(RequestLanguage.class).get().code();
    }

    static String dir() {
        return Arc.container().instance(RequestLanguage.class).get().direction();
    }

    static String stylesheet() {
        return StaticAssets.stylesheet();
    }

    /** The header of the page: menu by role, language chooser, who is signed in (templates/layout.html). */
    static PageHeader header() {
        return PageFrame.current();
    }
}
