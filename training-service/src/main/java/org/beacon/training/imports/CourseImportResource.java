package org.beacon.training.imports;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.imports.CourseImportService.ImportResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The content import API used by the content/ importer (see README.md for the exact request). */
@Path("/training/api/import/courses")
@Tag(name = "import")
@Produces(MediaType.APPLICATION_JSON)
public class CourseImportResource {

    @Inject
    CourseImportService imports;

    @POST
    @Consumes("application/zip")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a course folder of content/ as a zip (raw body)",
            description = "Idempotent: 200 'unchanged' for the same content, 201 for a new course or a new draft."
                    + " With dryRun=true: the same checks and the same refusals, the outcome the import would have"
                    + " (200), and nothing stored.")
    public Response importZip(InputStream zip, @QueryParam("dryRun") boolean dryRun) {
        // Read as a stream, never as one array: the zip's limits are counted while it arrives (ImportLimits).
        try (CourseArchive archive = imports.unpack(zip == null ? InputStream.nullInputStream() : zip)) {
            return respond(imports.importArchive(archive, dryRun));
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a course folder of content/ as a zip in the form field 'file'")
    public Response importForm(@RestForm("file") FileUpload file, @QueryParam("dryRun") boolean dryRun) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest(Reason.of("import.attach-zip"));
        }
        try (CourseArchive archive = imports.unpack(file.uploadedFile())) {
            return respond(imports.importArchive(archive, dryRun));
        }
    }

    private static Response respond(ImportResult result) {
        int status = !result.dryRun() && ("created".equals(result.outcome()) || "new-draft".equals(result.outcome()))
                ? 201 : 200;
        return Response.status(status).entity(result).build();
    }
}
