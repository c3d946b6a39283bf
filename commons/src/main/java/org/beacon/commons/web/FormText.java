package org.beacon.commons.web;

import java.util.List;

import jakarta.ws.rs.container.ResourceInfo;
import org.beacon.commons.text.UntrustedText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The edge check for form fields, urlencoded and multipart alike: a field (or an uploaded file's name) holding
 * U+0000 is refused with a 400 naming the field before any resource sees it, since PostgreSQL cannot store it and
 * would answer with a 500; a file name with a line break is refused too (it would break the header it is written
 * into when the file is served). A method marked {@link ChecksOwnFormText} answers such fields itself. JSON bodies get the same check from {@link StrictJson}; files and imported text call
 * {@link #requireNoNul} where they are parsed.
 */
public class FormText {

    @ServerRequestFilter
    @WithFormRead
    public void refuseNul(ResteasyReactiveContainerRequestContext context, ResourceInfo resource) {
        FormData form = ((ResteasyReactiveRequestContext) context.getServerRequestContext()).getFormData();
        if (form == null || (resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ChecksOwnFormText.class))) {
            return;
        }
        for (String name : form) {
            requireNoNul("form field name", name);
            for (FormValue value : form.get(name)) {
                if (value.isFileItem()) {
                    String fileName = requireNoNul(name + " (file name)", value.getFileName());
                    if (fileName != null && (fileName.indexOf('\r') >= 0 || fileName.indexOf('\n') >= 0)) {
                        throw ProblemException.invalid("The input cannot be stored.", List.of(name
                                + " (file name): contains a line break; rename the file and upload it again."));
                    }
                } else {
                    requireNoNul(name, value.getValue());
                }
            }
        }
    }

    /**
     * The value itself, or a 400 naming {@code field} (a form field, a file and line, a CSV row and column) when it
     * holds U+0000 ({@link UntrustedText#containsNul}). Null passes: whether a field is required is the caller's rule.
     */
    public static String requireNoNul(String field, String value) {
        if (UntrustedText.containsNul(value)) {
            throw ProblemException.invalid("The input cannot be stored.",
                    List.of(field + ": " + UntrustedText.NUL_MESSAGE));
        }
        return value;
    }
}
