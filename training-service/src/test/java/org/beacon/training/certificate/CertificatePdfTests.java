package org.beacon.training.certificate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificatePdfTests {

    @Test
    void anArabicCertificateDrawsEveryLetterOfTheNameAndTitle() throws IOException {
        CertificatePdf pdf = new CertificatePdf();
        pdf.publicUrl = "https://beacon.example.org";
        Certificate certificate = new Certificate();
        certificate.code = "BCN-7Q2K-9XZD";
        certificate.holderName = "مريم الحسن";
        certificate.courseTitle = "الاتصال الأول: التعرّف والحماية والإحالة";
        certificate.courseVersion = 2;
        certificate.issuedOn = LocalDate.of(2026, 11, 24);
        byte[] bytes = pdf.render(certificate, new CertificatePdf.Labels("شهادة إتمام", "تُمنح إلى", "لإتمامها",
                "النسخة", "التاريخ", "الرمز", "تحقق على"));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            // Every letter had a glyph: nothing but the address's own '?' was replaced by one.
            assertFalse(text.replace("?code=", "").contains("?"), text);
            // The drawn, joined letters read back (PDFBox undoes shaping and order) as the name and the title.
            String letters = Normalizer.normalize(text, Normalizer.Form.NFKC);
            for (String words : new String[] { "مريم الحسن", "التعرّف والحماية والإحالة", "شهادة إتمام" }) {
                assertTrue(letters.contains(words), words + " in " + letters);
            }
            assertTrue(text.contains("BCN-7Q2K-9XZD"), text);
        }
    }
}
