package org.beacon.campaign.survey.odk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.commons.i18n.Languages;
import org.javarosa.core.model.CoreModelModule;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.services.PrototypeManager;
import org.javarosa.core.services.locale.TableLocaleSource;
import org.javarosa.core.util.externalizable.DeserializationException;
import org.javarosa.core.util.externalizable.PrototypeFactory;
import org.javarosa.model.xform.XFormsModule;
import org.javarosa.model.xform.XPathReference;
import org.javarosa.xpath.XPathConditional;
import org.javarosa.xpath.XPathParseTool;
import org.javarosa.xform.util.XFormUtils;

/**
 * One XForm, ready to be answered by ODK's own engine, JavaRosa: what the form shows, skips, refuses and computes on
 * the server is what ODK Collect does on a phone, because it is the same code.
 *
 * <p>A JavaRosa {@link FormDef} holds the answers of one respondent and is not safe to share, so each
 * {@link #start() session} gets its own. Parsing the XForm again for each would cost 10-20 ms for the shipped
 * 17-question, 5-language survey; instead the form is parsed and checked once, kept in JavaRosa's own serialized
 * form (what ODK Collect caches as {@code .formdef}), and each session reads it back in 2-3 ms (see README).
 */
public final class FormEngine {

    private static final Pattern LANGUAGE_TAG = Pattern.compile(".*\\(\\s*(" + Languages.TAG + ")\\s*\\)\\s*");

    /** The classes a serialized form is made of, fully registered before any session reads one. */
    private static final PrototypeFactory PROTOTYPES;

    static {
        // registers the factories JavaRosa's functions rely on, e.g. jr:choice-name() for a label reference
        new XFormsModule().registerModule();
        // and the classes a serialized form is made of (CoreModelModule would also want a storage factory)
        PrototypeManager.registerPrototypes(CoreModelModule.classNames);
        PrototypeManager.registerPrototypes(XPathParseTool.xpathClasses);
        PrototypeManager.registerPrototypes(new String[] {TableLocaleSource.class.getName(),
                XPathReference.class.getName(), XPathConditional.class.getName()});
        PROTOTYPES = PrototypeManager.getDefault();
        // JavaRosa fills a factory's class table on first use, unsynchronized: requests that read their first forms
        // at the same moment (just after a restart, under load) saw a half-filled table ("No datatype registered to
        // serialization code"). The table is filled here, once, while the class initializes; it is only read after.
        PROTOTYPES.getClass(new byte[PrototypeFactory.CLASS_HASH_SIZE]);
    }

    /** The parsed form in JavaRosa's serialization. */
    private final byte[] form;
    /** BCP-47 tag → the name of the translation in the XForm ({@code en} → {@code English (en)}). */
    private final Map<String, String> translations = new LinkedHashMap<>();

    private FormEngine(FormDef checked) {
        this.form = serialize(checked);
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
        return new FormEngine(parse(xform.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh, unanswered instance of the form for one respondent. */
    public FormSession start() {
        try {
            FormDef copy = new FormDef();
            copy.readExternal(new DataInputStream(new ByteArrayInputStream(form)), PROTOTYPES);
            copy.initialize(true, new InstanceInitializationFactory());
            return new FormSession(copy, translations);
        } catch (IOException | DeserializationException e) {
            throw new IllegalStateException("a form serialized by this engine cannot be read back", e);
        }
    }

    /** The translation names of the XForm by language tag, in the order of the XForm. */
    public Map<String, String> translations() {
        return Collections.unmodifiableMap(translations);
    }

    public Optional<String> translation(String languageTag) {
        return Optional.ofNullable(translations.get(languageTag));
    }

    private static byte[] serialize(FormDef form) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            form.writeExternal(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FormDef parse(byte[] xform) {
        try {
            FormDef parsed = XFormUtils.getFormFromInputStream(new ByteArrayInputStream(xform));
            // initialized once on a copy, to find what only evaluation finds (a cycle, a bad reference) now
            XFormUtils.getFormFromInputStream(new ByteArrayInputStream(xform))
                    .initialize(true, new InstanceInitializationFactory());
            return parsed;
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
