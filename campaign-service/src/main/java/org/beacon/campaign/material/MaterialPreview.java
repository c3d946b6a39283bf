package org.beacon.campaign.material;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.beacon.campaign.media.Media;
import org.beacon.commons.storage.ObjectStorage;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * A material's PDF as its reviewer sees it on the review page: each page drawn as a PNG image, so the checklist item
 * "no image can identify a victim" is checked on what will be printed, without a PDF viewer or a download. Access is
 * the caller's to check ({@link MaterialService}).
 */
@ApplicationScoped
public class MaterialPreview {

    public static final String PDF = "application/pdf";

    /** A leaflet or a poster series; a longer file is checked by opening it, and the page says so. */
    public static final int MAX_PAGES = 12;

    /** Screen resolution, and never more than this many pixels on the longer side whatever size a page claims. */
    private static final float SCALE = 96f / 72f;
    private static final int MAX_SIDE_PIXELS = 1400;

    @Inject
    ObjectStorage storage;

    public static boolean isPdf(Media media) {
        return media != null && PDF.equals(media.contentType);
    }

    /** How many pages the file has; 0 when it cannot be read as a PDF (damaged, or locked with a password). */
    public int pageCount(Media media) {
        try (PDDocument document = load(media)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Page {@code page} (from 1) as a PNG image. */
    public byte[] page(Media media, int page) {
        try (PDDocument document = load(media)) {
            if (page < 1 || page > Math.min(document.getNumberOfPages(), MAX_PAGES)) {
                throw ProblemException.notFound(Reason.of("material.no-such-page", page));
            }
            PDRectangle box = document.getPage(page - 1).getCropBox();
            float longer = Math.max(box.getWidth(), box.getHeight());
            float scale = Math.min(SCALE, MAX_SIDE_PIXELS / Math.max(longer, 1f));
            BufferedImage image = new PDFRenderer(document).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new ProblemException(422, "The file cannot be previewed",
                    Reason.of("material.pdf-unreadable"));
        }
    }

    private PDDocument load(Media media) throws IOException {
        try (InputStream in = storage.open(media.storageKey)) {
            return Loader.loadPDF(new RandomAccessReadBuffer(in));
        }
    }
}
