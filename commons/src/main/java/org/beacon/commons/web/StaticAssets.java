package org.beacon.commons.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one shared stylesheet, served by the gateway at {@code /static/beacon.css}. Pages link it with a content
 * hash so it can be cached for a year and still change the moment the file does (PRODUCT.md §7).
 */
public final class StaticAssets {

    private static final String STYLESHEET = "META-INF/resources/static/beacon.css";
    private static final String STYLESHEET_HREF = "/static/beacon.css?v=" + hashOf(STYLESHEET);

    private StaticAssets() {
    }

    public static String stylesheet() {
        return STYLESHEET_HREF;
    }

    private static String hashOf(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from commons");
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
