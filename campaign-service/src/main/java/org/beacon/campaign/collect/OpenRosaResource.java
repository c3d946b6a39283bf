package org.beacon.campaign.collect;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.beacon.campaign.survey.SurveyForms;
import org.beacon.commons.web.ProblemException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.beacon.commons.web.Reason;

/**
 * The OpenRosa API (form list, form download, submission) as ODK Collect, KoboCollect and Enketo call it, under a
 * collection link's token instead of an account. Every answer, refusals included, is OpenRosa XML with
 * {@code X-OpenRosa-Version} and {@code Date} (OpenRosaHeaders), so the app can show its message.
 */
@Path("/campaigns/collect/{token}")
public class OpenRosaResource {

    private static final Logger LOG = Logger.getLogger(OpenRosaResource.class);

    static final String SUBMISSION_PART = "xml_submission_file";
    /** Sent by ODK Collect when it splits a submission with many attachments; meaningless without attachments. */
    private static final String INCOMPLETE_PART = "*isIncomplete*";

    @Inject
    FieldCollection collection;

    @Inject
    SurveyForms forms;

    @Inject
    CollectSettings settings;

    @Inject
    CollectionRate rate;

    @GET
    @Path("formList")
    public Response formList(@RestPath String token, @RestQuery String formID, UriInfo uri, HttpHeaders headers) {
        FieldCollection.Collector collector = collection.collector(token);
        ServedXForm form = collection.xform(collector.form());
        // Only a wave that takes answers is listed: ODK Collect then stops offering a form whose wave has closed.
        boolean listed = collector.accepting() && (formID == null || formID.equals(form.formId()));
        String language = collector.form().language(firstLanguage(headers));
        String name = forms.title(collector.form(), language);
        String downloadUrl = uri.getBaseUriBuilder().path("campaigns/collect/{token}/forms/{formId}/form.xml")
                .build(token, form.formId()).toString();
        return xml(200, OpenRosaXml.formList(listed ? form : null, name, downloadUrl));
    }

    @GET
    @Path("forms/{formId}/form.xml")
    public Response download(@RestPath String token, @RestPath String formId) {
        FieldCollection.Collector collector = collection.collector(token);
        ServedXForm form = collection.xform(collector.form());
        if (!form.formId().equals(formId)) {
            throw new FieldCollection.Refusal(404, Reason.of("collect.serves-only", form.formId()));
        }
        return Response.ok(form.bytes(), OpenRosaXml.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + form.formId() + ".xml\"")
                .build();
    }

    /** Clients ask first how large a submission may be (OpenRosa form submission API). */
    @HEAD
    @Path("submission")
    public Response submissionLimits(@RestPath String token) {
        collection.collector(token);
        return Response.noContent().header(OpenRosaHeaders.ACCEPT_CONTENT_LENGTH, settings.maxSubmissionBytes())
                .build();
    }

    @POST
    @Path("submission")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@RestPath String token, MultipartFormDataInput body, HttpHeaders headers) {
        // The token first: a revoked link learns nothing about its submission.
        FieldCollection.Collector collector = collection.collector(token);
        if (!rate.allow(collector.link().id)) {
            // Before the filled form is read and checked: a flood costs no parsing. The apps keep the form and send it
            // again later.
            return Response.fromResponse(xml(429, OpenRosaXml.error(Reason.of("collect.too-many").readerText())))
                    .header("Retry-After", rate.retryAfterSeconds()).build();
        }
        byte[] xml = submissionFile(body.getValues());
        FieldCollection.Received received = collection.receive(token, xml, firstLanguage(headers));
        return received.stored()
                ? xml(201, OpenRosaXml.response("submit_success", Reason.of("collect.stored").readerText()))
                : xml(202, OpenRosaXml.response("submit_success", Reason.of("collect.stored-before").readerText()));
    }

    private byte[] submissionFile(Map<String, Collection<FormValue>> parts) {
        Collection<FormValue> files = parts.getOrDefault(SUBMISSION_PART, List.of());
        if (files.size() != 1) {
            throw new FieldCollection.Refusal(400, Reason.of("collect.one-form", SUBMISSION_PART));
        }
        for (String part : parts.keySet()) {
            if (!part.equals(SUBMISSION_PART) && !part.equals(INCOMPLETE_PART)) {
                throw new FieldCollection.Refusal(400, Reason.of("collect.no-attachments", part));
            }
        }
        FormValue file = files.iterator().next();
        try {
            if (file.isFileItem()) {
                long size = file.getFileItem().getFileSize();
                if (size > settings.maxSubmissionBytes()) {
                    throw tooLarge();
                }
                try (InputStream in = file.getFileItem().getInputStream()) {
                    return in.readAllBytes();
                }
            }
            byte[] text = file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (text.length > settings.maxSubmissionBytes()) {
                throw tooLarge();
            }
            return text;
        } catch (IOException e) {
            throw new FieldCollection.Refusal(400, Reason.of("collect.form-unreadable"));
        }
    }

    private FieldCollection.Refusal tooLarge() {
        return new FieldCollection.Refusal(413, Reason.of("collect.too-large", settings.maxSubmissionBytes()));
    }

    /** The first language tag of an Accept-Language header, if any. */
    static String firstLanguage(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",")[0].split(";")[0].strip();
    }

    static Response xml(int status, String body) {
        return Response.status(status).entity(body).type(OpenRosaXml.CONTENT_TYPE).build();
    }

    @ServerExceptionMapper
    public Response refused(FieldCollection.Refusal e) {
        return xml(e.status(), OpenRosaXml.error(e.reason().readerText()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return xml(e.status(), OpenRosaXml.error(e.readerText()));
    }

    @ServerExceptionMapper
    public Response malformed(MultipartParser.MalformedMessageException e) {
        return xml(400, OpenRosaXml.error(Reason.of("collect.multipart-unreadable").readerText()));
    }
}
