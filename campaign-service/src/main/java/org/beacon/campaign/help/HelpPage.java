package org.beacon.campaign.help;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.commons.web.Forms;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.RestForm;

/** The help directory for campaign managers: what exists where, and the form to add or correct an entry. */
@Path("/campaigns/manage/help")
@RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
public class HelpPage {

    /** The form as typed, so a refused form comes back filled in. */
    public record HelpForm(String slug, String kind, String country, String region, String languages, String names,
            String contact, boolean active, boolean demo, String lastVerified) {

        static HelpForm of(HelpView view) {
            return new HelpForm(view.slug(), view.kind(), view.country(), view.region() == null ? "" : view.region(),
                    String.join(", ", view.languages()), view.namesAsLines(), view.contact(), view.active(),
                    view.demo(), view.lastVerified() == null ? "" : view.lastVerified().toString());
        }

        public List<String> kinds() {
            return HelpResource.KINDS;
        }

        static HelpForm empty() {
            // No date by default: "last verified" is shown to readers, so only a person who checked enters it.
            return new HelpForm("", "hotline", "", "", "", "", "", true, false, "");
        }

        HelpResourceInput input() {
            return new HelpResourceInput(slug, kind, country, region, Forms.commaSeparated(languages), parsedNames(),
                    contact, active, demo, date());
        }

        private Map<String, String> parsedNames() {
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String line : Forms.lines(names)) {
                int colon = line.indexOf(':');
                if (colon < 1) {
                    throw ProblemException.badRequest(Reason.of("help.names-shape"));
                }
                parsed.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            return parsed;
        }

        private LocalDate date() {
            try {
                return lastVerified == null || lastVerified.isBlank() ? null : LocalDate.parse(lastVerified.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(Reason.of("form.not-a-date", lastVerified));
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<HelpView> resources, int dueCount, HelpForm form, List<String> errors);

        /** @param mayChange whether the viewer may change the entry; others read it with the form disabled */
        static native TemplateInstance edit(long id, HelpForm form, boolean mayChange, boolean shared,
                List<String> errors);
    }

    @Inject
    HelpDirectory directory;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return listPage(HelpForm.empty(), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String slug, @RestForm String kind, @RestForm String country,
            @RestForm String region, @RestForm String languages, @RestForm String names, @RestForm String contact,
            @RestForm boolean active, @RestForm boolean demo, @RestForm String lastVerified) {
        HelpForm form = new HelpForm(slug, kind, country, region, languages, names, contact, active, demo,
                lastVerified);
        return ListedRefusal.submit(() -> {
            directory.create(form.input());
            return "/campaigns/manage/help";
        }, errors -> listPage(form, errors));
    }

    @GET
    @Path("/{id:\\d+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@PathParam("id") long id) {
        HelpView view = directory.view(id);
        return Templates.edit(id, HelpForm.of(view), view.mayChange(), view.organization() == null, List.of())
                .setLocale(language.locale());
    }

    @POST
    @Path("/{id:\\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("id") long id, @RestForm String slug, @RestForm String kind,
            @RestForm String country, @RestForm String region, @RestForm String languages, @RestForm String names,
            @RestForm String contact, @RestForm boolean active, @RestForm boolean demo,
            @RestForm String lastVerified) {
        HelpForm form = new HelpForm(slug, kind, country, region, languages, names, contact, active, demo,
                lastVerified);
        return ListedRefusal.submit(() -> {
            directory.update(id, form.input());
            return "/campaigns/manage/help";
        }, errors -> {
            HelpView view = directory.view(id);
            return Templates.edit(id, form, view.mayChange(), view.organization() == null, errors)
                    .setLocale(language.locale());
        });
    }

    private TemplateInstance listPage(HelpForm form, List<String> errors) {
        List<HelpView> resources = directory.listed();
        int due = (int) resources.stream().filter(HelpView::verificationDue).count();
        return Templates.list(resources, due, form, errors).setLocale(language.locale());
    }
}
