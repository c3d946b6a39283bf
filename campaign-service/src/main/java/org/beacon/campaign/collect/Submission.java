package org.beacon.campaign.collect;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.beacon.commons.web.Reason;

/**
 * One filled form as an OpenRosa client sends it ({@code xml_submission_file}), checked against the XForm the link
 * serves: the same form id and version, only elements of the form's instance, each once.
 *
 * @param instanceId the form's {@code meta/instanceID} ({@code uuid:...}), given by the phone when the form was
 *     first opened, and the same however often the phone sends it
 * @param values each answered element's text by its path relative to the root ({@code grp/q1}); elements the
 *     phone left out (not relevant) or sent empty are absent
 */
public record Submission(String instanceId, Map<String, String> values) {

    static final String INSTANCE_ID = "meta/instanceID";
    /** What ODK Collect adds to {@code meta} when a sent form is edited and sent again, or to name it on the phone. */
    private static final Set<String> CLIENT_META = Set.of("meta/deprecatedID", "meta/instanceName");

    /** A submission refused as a whole, with a message the app shows its user. */
    public static final class Refused extends Exception {
        private final int status;
        private final transient Reason reason;

        Refused(int status, Reason reason) {
            super(reason.english());
            this.status = status;
            this.reason = reason;
        }

        public int status() {
            return status;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The response's idempotency key: the instanceID's UUID, or one derived from it if it is not a uuid: form. */
    public UUID key() {
        String id = instanceId.startsWith("uuid:") ? instanceId.substring(5) : instanceId;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            return UUID.nameUUIDFromBytes(("openrosa-instance:" + instanceId).getBytes(StandardCharsets.UTF_8));
        }
    }

    static Submission read(byte[] xml, ServedXForm form) throws Refused {
        Document document;
        try {
            document = StrictXml.parse(xml);
        } catch (StrictXml.Unreadable e) {
            throw new Refused(400, e.reason());
        }
        Element root = document.getDocumentElement();
        if (!form.root().equals(root.getLocalName())) {
            throw new Refused(400, Reason.of("collect.wrong-root", form.formId(), root.getLocalName(), form.root()));
        }
        String formId = root.getAttribute("id");
        if (!form.formId().equals(formId)) {
            throw new Refused(400, Reason.of("collect.other-form", formId, form.formId()));
        }
        String version = root.getAttribute("version");
        if (!form.version().equals(version)) {
            throw new Refused(400, Reason.of("collect.old-version", version, form.formId(), form.version()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        walk(root, "", form, values, meta);
        String instanceId = meta.getOrDefault(INSTANCE_ID, "").strip();
        if (instanceId.isEmpty() || instanceId.length() > 200) {
            throw new Refused(400, Reason.of("collect.no-instance-id"));
        }
        return new Submission(instanceId, values);
    }

    private static void walk(Element parent, String prefix, ServedXForm form, Map<String, String> values,
            Map<String, String> meta) throws Refused {
        Set<String> seen = new java.util.HashSet<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child)) {
                continue;
            }
            String path = prefix + child.getLocalName();
            if (!form.paths().contains(path) && !CLIENT_META.contains(path)) {
                throw new Refused(400, Reason.of("collect.unknown-element", path, form.formId()));
            }
            if (!seen.add(path)) {
                throw new Refused(400, Reason.of("collect.element-twice", path));
            }
            if (hasElements(child)) {
                walk(child, path + "/", form, values, meta);
            } else if (path.startsWith("meta/")) {
                meta.put(path, child.getTextContent());
            } else {
                String text = child.getTextContent().strip();
                if (!text.isEmpty()) {
                    values.put(path, text);
                }
            }
        }
    }

    private static boolean hasElements(Element element) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return true;
            }
        }
        return false;
    }
}
