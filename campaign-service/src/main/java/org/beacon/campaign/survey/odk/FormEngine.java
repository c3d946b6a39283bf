package org.beacon.campaign.survey.odk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.commons.i18n.Languages;
import org.javarosa.core.model.CoreModelModule;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.instance.FormInstance;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.services.PrototypeManager;
import org.javarosa.core.services.locale.Localizer;
import org.javarosa.core.services.locale.TableLocaleSource;
import org.javarosa.core.util.OrderedMap;
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
 * <p>A JavaRosa {@link FormDef} holds the answers of one respondent and is not safe to share between threads, so
 * each {@link #start() session} has one to itself. The form is parsed and checked once and kept in JavaRosa's own
 * serialization (what ODK Collect caches as {@code .formdef}); reading a copy back costs 2-3 ms, which was an eighth
 * of the service's CPU under a submission load. So a copy is not thrown away when its session is
 * {@link FormSession#close() closed}: it waits, idle, for the next session, which gives it a fresh instance (a clone
 * of the blank one it was read with) and initializes that as a new copy would be initialized. Only the instance (the
 * answers and what the form's logic derived from them) ever differs between two sessions; the definition, its
 * logic and its translations are the same read-only data. Idle copies are bounded per form and over forms
 * ({@link #keep}): the forms whose copies were returned least recently lose theirs first.
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

    /** How many forms keep idle copies, and how many each keeps. */
    private static volatile int keptForms = 8;
    private static volatile int keptPerForm = 8;
    /** The engines holding idle copies, the one whose copy came back least recently first. */
    private static final Map<FormEngine, Boolean> HOLDING = new LinkedHashMap<>(32, 0.75f, true);

    /** The parsed form in JavaRosa's serialization. */
    private final byte[] form;
    /** See {@link #answersCanBeSetAgain()}: read once from the XForm's text, not per respondent. */
    private final boolean answersCanBeSetAgain;
    /** BCP-47 tag → the name of the translation in the XForm ({@code en} → {@code English (en)}). */
    private final Map<String, String> translations = new LinkedHashMap<>();
    /** Copies no session holds: each is taken by one session at a time, never shared. */
    private final Deque<Copy> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    /** The form's translations as parsed: where each language's texts are built from, once ({@link #texts}). */
    private final Localizer translationSource;
    /** Each language's texts, built the first time a copy asks for them and shared by all copies, read only. */
    private final Map<String, OrderedMap<String, String>> texts = new ConcurrentHashMap<>();
    private final AtomicInteger textsBuilt = new AtomicInteger();
    /** Where each question is in the form, by path, found by the first session; null until then or with repeats. */
    private volatile Map<String, FormIndex> questionIndexes;

    /**
     * A copy of the form read back from the serialization, with the blank instance and the translation its
     * localizer had when read back (null when it had none): what a reused copy is reset to before a new session.
     */
    record Copy(FormDef form, FormInstance blank, String locale) {
    }

    private FormEngine(FormDef checked, boolean answersCanBeSetAgain) {
        this.form = serialize(checked);
        this.answersCanBeSetAgain = answersCanBeSetAgain;
        this.translationSource = checked.getLocalizer();
        if (translationSource != null) {
            // it no longer tells the parsed form of a change of language, so it does not keep that form in memory
            translationSource.unregisterAll();
        }
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
        return new FormEngine(parse(xform.getBytes(StandardCharsets.UTF_8)),
                !xform.contains("once(") && !xform.contains("xforms-value-changed"));
    }

    /**
     * Whether answers set again on a session, every question answered or cleared, leave it as a fresh session
     * would be: not when the form keeps a value computed earlier ({@code once()}) or acts when an answer changes
     * ({@code xforms-value-changed}), whose results depend on the order answers came in.
     */
    public boolean answersCanBeSetAgain() {
        return answersCanBeSetAgain;
    }

    /**
     * Bounds the idle copies: at most {@code perForm} for each of the {@code forms} forms most recently answered.
     * Copies held by sessions are not counted: there is one per session in progress.
     */
    public static void keep(int forms, int perForm) {
        if (forms < 0 || perForm < 0) {
            throw new IllegalArgumentException("idle form copies cannot be kept for a negative number");
        }
        keptForms = forms;
        keptPerForm = perForm;
        synchronized (HOLDING) {
            trim();
        }
    }

    /**
     * A fresh, unanswered instance of the form for one respondent. {@link FormSession#close() Closing} the session
     * when done lets the next one reuse its copy of the form; a session never closed is simply collected.
     */
    public FormSession start() {
        Copy copy = idle.pollFirst();
        if (copy != null) {
            idleCount.decrementAndGet();
            // exactly what a copy read back gets: the blank instance, then a new instance's initialization
            // (preloads such as the instanceID, first-load defaults, every calculation and relevance)
            copy.form().setInstance(copy.blank().clone());
            Localizer localizer = copy.form().getLocalizer();
            if (localizer != null) {
                // (null: what initializing a copy read back does, the default). Setting the translation it already
                // has would only load that translation's texts again: JavaRosa rebuilds them on every call.
                String translation = copy.locale() != null ? copy.locale() : localizer.getDefaultLocale();
                if (!translation.equals(localizer.getLocale())) {
                    localizer.setLocale(translation);
                }
            }
        } else {
            copy = read();
        }
        copy.form().initialize(true, new InstanceInitializationFactory());
        return new FormSession(this, copy, translations);
    }

    /** The paths of the form's questions (not of calculations, which have no control), in form order. */
    public List<String> questions() {
        try (FormSession session = start()) {
            return session.questions();
        }
    }

    /** The translation names of the XForm by language tag, in the order of the XForm. */
    public Map<String, String> translations() {
        return Collections.unmodifiableMap(translations);
    }

    public Optional<String> translation(String languageTag) {
        return Optional.ofNullable(translations.get(languageTag));
    }

    /**
     * Drops the idle copies: the form was replaced by another version, whose sessions have an engine of their own
     * (engines are per XForm text). A copy a session still holds may come back after; it then counts like any other
     * form's against {@link #keep the bound} and goes when the forms answered since push it out.
     */
    public void retire() {
        synchronized (HOLDING) {
            HOLDING.remove(this);
        }
        drop();
    }

    /** Where the form's questions are, as a session without repeats found them; null until one did. */
    Map<String, FormIndex> questionIndexes() {
        return questionIndexes;
    }

    /** Kept for every later session: read only, by sessions of any thread. */
    void rememberQuestionIndexes(Map<String, FormIndex> indexes) {
        questionIndexes = indexes;
    }

    /** How many copies wait for a session now. */
    int idleCopies() {
        return idleCount.get();
    }

    /** Takes back the copy of a closed session, unless enough are waiting already. */
    void release(Copy copy) {
        if (keptForms == 0) {
            return;
        }
        if (idleCount.incrementAndGet() > keptPerForm) {
            idleCount.decrementAndGet();
            return;
        }
        idle.offerFirst(copy); // the most recently used copy first: its memory is the likeliest still in cache
        synchronized (HOLDING) {
            HOLDING.put(this, Boolean.TRUE);
            trim();
        }
    }

    /** Drops the copies of the forms answered least recently until the bound holds; called holding HOLDING. */
    private static void trim() {
        var engines = HOLDING.keySet().iterator();
        int excess = HOLDING.size() - keptForms;
        while (excess-- > 0 && engines.hasNext()) {
            FormEngine engine = engines.next();
            engines.remove();
            engine.drop();
        }
        if (keptPerForm == 0) {
            HOLDING.keySet().forEach(FormEngine::drop);
            HOLDING.clear();
        }
    }

    private void drop() {
        while (idle.pollFirst() != null) {
            idleCount.decrementAndGet();
        }
    }

    private Copy read() {
        try {
            FormDef copy = new FormDef();
            copy.readExternal(new DataInputStream(new ByteArrayInputStream(form)), PROTOTYPES);
            if (copy.getLocalizer() != null) {
                copy.setLocalizer(new KeptTranslations(copy.getLocalizer(), this::texts));
            }
            return new Copy(copy, copy.getMainInstance().clone(),
                    copy.getLocalizer() == null ? null : copy.getLocalizer().getLocale());
        } catch (IOException | DeserializationException e) {
            throw new IllegalStateException("a form serialized by this engine cannot be read back", e);
        }
    }

    /** A language's texts as JavaRosa builds them, built once for the form. */
    private OrderedMap<String, String> texts(String language) {
        return texts.computeIfAbsent(language, built -> {
            textsBuilt.incrementAndGet();
            return translationSource.getLocaleData(built);
        });
    }

    /** How many times a language's texts were built for this form's copies. */
    int textsBuilt() {
        return textsBuilt.get();
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
