package org.beacon.training.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The certificate as a one-page PDF: holder, course, version, date, the verification code and a QR code that
 * opens the public verification page. DejaVu Sans is embedded so that names in any Latin, Greek or Cyrillic
 * script print as written.
 */
@ApplicationScoped
public class CertificatePdf {

    private static final String FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD_FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    /** Where the public verification page is reached from outside, e.g. https://beacon.example.org. */
    @ConfigProperty(name = "beacon.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    public String verifyUrl(String code) {
        return publicUrl.replaceAll("/+$", "") + "/training/public/verify?code=" + code;
    }

    public byte[] render(Certificate certificate, Labels labels) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            PDFont regular = load(document, FONT);
            PDFont bold = load(document, BOLD_FONT);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(labels.title() + " " + certificate.code);
            info.setCreator("Beacon");
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.setLineWidth(3);
                stream.setStrokingColor(0.04f, 0.36f, 0.68f);
                stream.addRect(28, 28, width - 56, height - 56);
                stream.stroke();
                centered(stream, bold, 30, labels.title(), width, height - 120);
                centered(stream, regular, 14, labels.awardedTo(), width, height - 170);
                centered(stream, bold, 26, certificate.holderName, width, height - 210);
                centered(stream, regular, 14, labels.forCompleting(), width, height - 250);
                centered(stream, bold, 18, certificate.courseTitle, width, height - 285);
                centered(stream, regular, 12, labels.version() + " " + certificate.courseVersion + "  ·  "
                        + labels.date() + " " + certificate.issuedOn, width, height - 320);
                text(stream, regular, 11, VisualText.of(labels.code() + ": " + certificate.code), 60, 95);
                text(stream, regular, 9, VisualText.of(labels.verifyAt() + " " + verifyUrl(certificate.code)), 60, 75);
                qr(stream, verifyUrl(certificate.code), width - 160, 50, 100);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The printed words, in the holder's interface language. */
    public record Labels(String title, String awardedTo, String forCompleting, String version, String date,
            String code, String verifyAt) {
    }

    private static PDFont load(PDDocument document, String resource) throws IOException {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the class path");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    private static void centered(PDPageContentStream stream, PDFont font, float size, String text, float width,
            float y) throws IOException {
        String printable = printable(font, VisualText.of(text));
        float shown = size;
        float textWidth = font.getStringWidth(printable) / 1000 * shown;
        while (textWidth > width - 120 && shown > 8) {
            shown -= 1;
            textWidth = font.getStringWidth(printable) / 1000 * shown;
        }
        text(stream, font, shown, printable, (width - textWidth) / 2, y);
    }

    /** Draws text already in visual order ({@link VisualText}). */
    private static void text(PDPageContentStream stream, PDFont font, float size, String text, float x, float y)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(0.11f, 0.14f, 0.19f);
        stream.newLineAtOffset(x, y);
        stream.showText(printable(font, text));
        stream.endText();
    }

    /** Characters the font lacks become '?' rather than failing the whole certificate. */
    private static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static void qr(PDPageContentStream stream, String content, float x, float y, float size)
            throws IOException {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0));
            float cell = size / matrix.getWidth();
            stream.setNonStrokingColor(0f, 0f, 0f);
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        stream.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                    }
                }
            }
            stream.fill();
        } catch (WriterException e) {
            throw new IOException("Cannot draw the QR code", e);
        }
    }
}
