package org.beacon.commons.storage;

import org.beacon.commons.text.UntrustedText;

/**
 * An uploaded file's name as Beacon keeps and shows it. The name is only a label (objects are stored under random
 * keys), so a name too long for its column or with characters the database refuses is made to fit rather than
 * refusing a file the user cannot rename easily (a long name from a phone's share sheet, say).
 */
public final class FileNames {

    /** The {@code file_name} columns of every media table. */
    public static final int MAX_LENGTH = 255;

    /** Longer "extensions" are part of the name ("report.final version of the leaflet"). */
    private static final int MAX_EXTENSION = 16;
    private static final String CUT = "…";

    private FileNames() {
    }

    /**
     * The name without control characters (PostgreSQL refuses NUL; CR and LF would split a header or a listing),
     * without the characters that would make it read as another name ({@link UntrustedText#stripSpoofing}: it is
     * shown to other people as the file's label), and at most {@link #MAX_LENGTH} characters, shortened in the middle so the extension stays; "file" when
     * nothing is left.
     */
    public static String forRecord(String original) {
        if (original == null) {
            return "file";
        }
        StringBuilder kept = new StringBuilder(Math.min(original.length(), 1024));
        original.codePoints().filter(c -> !Character.isISOControl(c) && !UntrustedText.isSpoofing(c))
                .forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        if (name.isEmpty()) {
            return "file";
        }
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int room = MAX_LENGTH - CUT.length() - extension.codePointCount(0, extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, room)).strip() + CUT + extension;
    }
}
