package org.beacon.campaign.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks contact details in free-text answers before an evaluator reads them: respondents sometimes write their own
 * or someone else's phone number or e-mail address, and results must never single a person out. The stored text
 * stays as given.
 */
public final class Masking {

    public static final String EMAIL = "[e-mail]";
    public static final String PHONE = "[phone]";

    private static final Pattern EMAILS = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+\\s*(?:@|\\(at\\)|\\[at\\])\\s*[\\p{L}\\p{N}-]+(?:\\s*(?:\\.|\\(dot\\)|\\[dot\\])\\s*[\\p{L}\\p{N}-]+)+",
            Pattern.CASE_INSENSITIVE);

    /**
     * A run of digits with the separators people write numbers with; it is a phone number from 7 digits on. Digits
     * of any script count (Unicode character classes): respondents write Arabic-Indic ٠٧٧…, Persian ۰۹۱… or
     * Devanagari digits as readily as 0-9, and a plain {@code \d} would let those numbers through unmasked.
     */
    private static final Pattern NUMBERS = Pattern.compile("(?:\\+|00)?\\(?\\d[\\d\\s().\\-/]{5,}\\d",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Masking() {
    }

    public static String mask(String text) {
        String withoutEmails = EMAILS.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        Matcher numbers = NUMBERS.matcher(withoutEmails);
        StringBuilder masked = new StringBuilder();
        while (numbers.find()) {
            long digits = numbers.group().chars().filter(Character::isDigit).count();
            numbers.appendReplacement(masked, Matcher.quoteReplacement(digits >= 7 ? PHONE : numbers.group()));
        }
        numbers.appendTail(masked);
        return masked.toString();
    }
}
