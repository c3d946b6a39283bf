package org.beacon.campaign.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A survey's XForm as OpenRosa clients download it: the converted definition with the survey's address as the form
 * id and a version that changes with every revision of the definition, so a phone holding an older form is told to
 * update (ODK Collect and Central compare formID, version and hash).
 *
 * @param formId the survey's address
 * @param bytes exactly what the download answers; {@link #hash()} is computed from them
 * @param root the instance's root element name ({@code data})
 * @param paths every element of the instance below the root, as paths relative to it ({@code grp}, {@code grp/q1},
 *     {@code meta/instanceID}): what a submission may contain
 */
public record ServedXForm(String formId, String version, String title, byte[] bytes, String root, Set<String> paths) {

    static final String XFORMS = "http://www.w3.org/2002/xforms";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** The XForm of a survey at a revision. */
    public static ServedXForm of(String slug, int revision, String xform) {
        Document document;
        try {
            document = StrictXml.parse(xform.getBytes(StandardCharsets.UTF_8));
        } catch (StrictXml.Unreadable e) {
            throw new IllegalStateException("a stored XForm cannot be read: " + e.getMessage());
        }
        Element instanceRoot = primaryInstanceRoot(document);
        // The revision orders versions for people; the digest makes a survey deleted and imported again under the
        // same address, whose revision starts at 1 again, still a new version.
        String version = revision + "-" + md5(xform.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        instanceRoot.setAttribute("id", slug);
        instanceRoot.setAttribute("version", version);
        Set<String> paths = new LinkedHashSet<>();
        collect(instanceRoot, "", paths);
        Element head = first(document.getDocumentElement(), XHTML, "head");
        Element title = head == null ? null : first(head, XHTML, "title");
        byte[] bytes = StrictXml.write(document);
        return new ServedXForm(slug, version, title == null ? slug : title.getTextContent().strip(), bytes,
                instanceRoot.getLocalName(), Set.copyOf(paths));
    }

    /** {@code md5:} and the hex MD5 of the bytes served, as the OpenRosa form list gives it. */
    public String hash() {
        return "md5:" + md5(bytes);
    }

    private static Element primaryInstanceRoot(Document document) {
        Element head = first(document.getDocumentElement(), XHTML, "head");
        Element model = head == null ? null : first(head, XFORMS, "model");
        if (model != null) {
            for (Node child = model.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element instance && "instance".equals(instance.getLocalName())
                        && !instance.hasAttribute("id")) {
                    for (Node node = instance.getFirstChild(); node != null; node = node.getNextSibling()) {
                        if (node instanceof Element root) {
                            return root;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("a stored XForm has no primary instance");
    }

    private static void collect(Element parent, String prefix, Set<String> paths) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                String path = prefix + child.getLocalName();
                paths.add(path);
                collect(child, path + "/", paths);
            }
        }
    }

    private static Element first(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    static String md5(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
