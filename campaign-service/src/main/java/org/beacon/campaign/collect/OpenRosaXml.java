package org.beacon.campaign.collect;

/** The small XML documents of the OpenRosa API: the form list and the answers to submissions. */
final class OpenRosaXml {

    static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private OpenRosaXml() {
    }

    /** An OpenRosaResponse; ODK Collect and Enketo show the message to the person who sent the form. */
    static String response(String nature, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">"
                + "<message nature=\"" + escape(nature) + "\">" + escape(message) + "</message></OpenRosaResponse>";
    }

    static String error(String message) {
        return response("error", message);
    }

    /** The OpenRosa form list (xformsList) with one form, or none when the link's wave takes no answers. */
    static String formList(ServedXForm form, String name, String downloadUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">");
        if (form != null) {
            xml.append("<xform><formID>").append(escape(form.formId())).append("</formID>")
                    .append("<name>").append(escape(name)).append("</name>")
                    .append("<version>").append(escape(form.version())).append("</version>")
                    .append("<hash>").append(form.hash()).append("</hash>")
                    .append("<downloadUrl>").append(escape(downloadUrl)).append("</downloadUrl></xform>");
        }
        return xml.append("</xforms>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
