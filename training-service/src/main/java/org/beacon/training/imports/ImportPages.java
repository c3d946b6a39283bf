package org.beacon.training.imports;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Forms;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The course import as a page, for the admins who import a course folder of content/ as a zip: the same checks and
 * refusals as the API ({@link CourseImportResource}), each problem of a refused package listed in the reader's
 * language; an accepted package opens its version.
 */
@Path("/training/author/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class ImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<String> errors);
    }

    @Inject
    CourseImportService imports;

    @Inject
    RequestLanguage language;

    @GET
    public TemplateInstance form() {
        return page(List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importZip(@RestForm("file") FileUpload file) {
        return Forms.submit(() -> {
            if (file == null || file.uploadedFile() == null) {
                throw ProblemException.badRequest(Reason.of("import.attach-zip"));
            }
            try (CourseArchive archive = imports.unpack(file.uploadedFile())) {
                return "/training/author/versions/" + imports.importArchive(archive, false).versionId();
            }
        }, this::page);
    }

    private TemplateInstance page(List<String> errors) {
        return Templates.page(errors).setLocale(language.locale());
    }
}
