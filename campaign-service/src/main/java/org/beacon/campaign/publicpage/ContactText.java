package org.beacon.campaign.publicpage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A help resource's contact as readers see it: the free text the directory holds, with each phone number in it a
 * {@code tel:} link, so a reader on a phone calls the hotline with one tap instead of copying digits.
 */
public final class ContactText {

    /**
     * A number: an optional {@code +}, then at least three digits or bracketed groups ({@code (33)}), which may be
     * separated by spaces, dots or dashes. Not part of a word, a time ({@code 8:00}, {@code 18h}) or a date ({@code 06/12/2026}).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w:/+(])\\+?(?:\\(\\d+\\)|\\d)(?:[ .\\-]?(?:\\(\\d+\\)|\\d)){2,}(?![\\w:/])");

    /** @param tel the {@code tel:} address of this part (digits, with the leading {@code +} kept), or null for text */
    public record Part(String text, String tel) {
    }

    private ContactText() {
    }

    public static List<Part> parts(String contact) {
        List<Part> parts = new ArrayList<>();
        if (contact == null || contact.isEmpty()) {
            return parts;
        }
        Matcher matcher = NUMBER.matcher(contact);
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() > end) {
                parts.add(new Part(contact.substring(end, matcher.start()), null));
            }
            String number = matcher.group();
            String digits = number.replaceAll("\\D", "");
            parts.add(new Part(number, "tel:" + (number.startsWith("+") ? "+" : "") + digits));
            end = matcher.end();
        }
        if (end < contact.length()) {
            parts.add(new Part(contact.substring(end), null));
        }
        return parts;
    }
}
