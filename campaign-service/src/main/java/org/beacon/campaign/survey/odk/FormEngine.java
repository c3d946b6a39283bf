package org.beacon.campaign.survey.odk;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.model.xform.XFormsModule;
import org.javarosa.xform.util.XFormUtils;

/**
 * One XForm, ready to be answered by ODK's own engine, JavaRosa: what the form shows, skips, refuses and computes on
 * the server is what ODK Collect does on a phone, because it is the same code.
 *
 * <p>A JavaRosa {@link FormDef} holds the answers of one respondent and is not safe to share, so each
 * {@link #start() session} parses its own from the XForm kept here; the XForm is checked once, when the engine is
 * made. Parsing a 20-question form takes a few milliseconds once the JVM is warm (see README).
 */
public final class FormEngine {

    private static final Pattern LANGUAGE_TAG = Pattern.compile(".*\\(\\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\\s*\\)\\s*");

    static {
        // registers the factories JavaRosa's functions rely on, e.g. jr:choice-name() for a label reference
        new XFormsModule().registerModule();
    }

    private final byte[] xform;
    /** BCP-47 tag → the name of the translation in the XForm ({@code en} → {@code English (en)}). */
    private final Map<String, String> translations = new LinkedHashMap<>();

    private FormEngine(byte[] xform, FormDef checked) {
        this.xform = xform;
        if (checked.getLocalizer() != null) {
            for (String name : checked.getLocalizer().getAvailableLocales()) {
                Matcher tag = LANGUAGE_TAG.matcher(name);
                translations.put(tag.matches() ? tag.group(1) : name, name);
            }
        }
    }

    /**
     * Parses and initializes the XForm once, so that a form JavaRosa cannot run (a dependency cycle, a reference to
     * a node that does not exist, a type it does not know) is refused before anyone answers it.
     *
     * @throws FormNotRunnable with JavaRosa's explanation
     */
    public static FormEngine load(String xform) {
        byte[] bytes = xform.getBytes(StandardCharsets.UTF_8);
        return new FormEngine(bytes, parse(bytes));
    }

    /** A fresh, unanswered instance of the form for one respondent. */
    public FormSession start() {
        return new FormSession(parse(xform), translations);
    }

    /** The translation names of the XForm by language tag, the default first. */
    public Map<String, String> translations() {
        return Map.copyOf(translations);
    }

    public Optional<String> translation(String languageTag) {
        return Optional.ofNullable(translations.get(languageTag));
    }

    private static FormDef parse(byte[] xform) {
        try {
            FormDef form = XFormUtils.getFormFromInputStream(new ByteArrayInputStream(xform));
            form.initialize(true, new InstanceInitializationFactory());
            return form;
        } catch (RuntimeException | org.javarosa.xform.parse.XFormParser.ParseException e) {
            throw new FormNotRunnable(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** An XForm JavaRosa refuses to load or to initialize. */
    public static final class FormNotRunnable extends RuntimeException {
        FormNotRunnable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
