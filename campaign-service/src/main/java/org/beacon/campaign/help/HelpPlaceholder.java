package org.beacon.campaign.help;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateGlobal;

/**
 * A reference from a material's text to the help directory, {@code {help.<kind>.<field>}} such as
 * {@code {help.hotline.contact}}: an SMS or a radio script names the hotline of the reader's place in the reader's
 * language instead of saying "call the hotline" without a number. The help directory fills it per place and
 * language when the public page is built, and publishing is refused while one cannot be filled.
 */
public record HelpPlaceholder(String kind, String field) {

    public static final List<String> FIELDS = List.of("name", "contact");

    /** Anything written like a help placeholder, so that a misspelt one ({@code {help.phone}}) is caught too. */
    private static final Pattern WRITTEN = Pattern.compile("\\{help\\.[^{}\\s]{0,60}\\}");
    private static final Pattern DEFINED = Pattern.compile("\\{help\\.([a-z]+)\\.([a-z]+)\\}");

    /** Every placeholder a material may use, as written: {@code {help.hotline.name}}, ... */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        for (String kind : HelpResource.KINDS) {
            for (String field : FIELDS) {
                all.add(new HelpPlaceholder(kind, field).toString());
            }
        }
        return all;
    }

    /** The list as a writer reads it, under the text field of a material. */
    @TemplateGlobal
    public static String helpPlaceholders() {
        return String.join(", ", all());
    }

    /** The placeholders written in a text, each once, in order, defined or not. */
    public static Set<String> writtenIn(String text) {
        Set<String> written = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = WRITTEN.matcher(text);
            while (matcher.find()) {
                written.add(matcher.group());
            }
        }
        return written;
    }

    /** The placeholder a written token stands for; empty when it is none of {@link #all()}. */
    public static Optional<HelpPlaceholder> parse(String written) {
        Matcher matcher = DEFINED.matcher(written);
        if (!matcher.matches() || !HelpResource.KINDS.contains(matcher.group(1))
                || !FIELDS.contains(matcher.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new HelpPlaceholder(matcher.group(1), matcher.group(2)));
    }

    /** What the placeholder says for this resource in a language. */
    public String valueOf(HelpResource resource, String language) {
        return field.equals("name") ? resource.name(language) : resource.contact;
    }

    @Override
    public String toString() {
        return "{help." + kind + "." + field + "}";
    }
}
