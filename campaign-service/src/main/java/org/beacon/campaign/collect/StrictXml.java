package org.beacon.campaign.collect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.beacon.commons.web.Reason;

/**
 * XML as phones send it and Beacon serves it: no DOCTYPE at all (so no entity expansion, "billion laughs", and no
 * external entity that would make the service read a file or call a URL), no XInclude, and the JDK's secure
 * processing limits on top.
 */
final class StrictXml {

    private StrictXml() {
    }

    /** An XML text Beacon refuses, with the reason a person can act on. */
    static final class Unreadable extends Exception {
        private final transient Reason reason;

        Unreadable(Reason reason, Exception parsers) {
            super(reason.english(), parsers);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    static Document parse(byte[] xml) throws Unreadable {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            // The parser's own sentence is the JDK's English, and the phone shows the message to its user: a fixed
            // sentence in the phone's language with the place instead (as JsonProblems does for Jackson's), the
            // JDK's sentence kept as the cause. A DOCTYPE, which phones never send, is named in words.
            Reason why = Reason.of(e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "collect.xml-doctype" : "collect.xml-not-well-formed");
            throw new Unreadable(e.getLineNumber() > 0
                    ? Reason.of("collect.xml-unreadable-at", e.getLineNumber(), Math.max(1, e.getColumnNumber()), why)
                    : Reason.of("collect.xml-unreadable", why), e);
        } catch (SAXException | IOException e) {
            // Without a place: bytes that are not text in the declared encoding, or a parser limit.
            throw new Unreadable(Reason.of("collect.xml-unreadable", Reason.of("collect.xml-not-well-formed")), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made", e);
        }
    }

    static byte[] write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("a parsed XForm cannot be written back", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }
}
