package org.beacon.campaign.survey;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.beacon.commons.i18n.Languages;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.model.xform.XPathReference;
import org.javarosa.xpath.XPathConditional;
import org.javarosa.xpath.parser.XPathSyntaxException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * How a survey's XForm is cut into the pages of the public form, which needs no JavaScript: each page is answered
 * before the server can evaluate anything that depends on it, so every {@code relevant}, {@code choice_filter}, label
 * reference and {@code constraint} of a question must depend only on questions of earlier pages (or on the question
 * itself). The form is cut greedily in form order, which gives the fewest such pages: a question (or a field-list
 * group, which always stays whole) starts a new page exactly when it depends on a question already on the current
 * page. A field-list group whose questions depend on one another is {@link Page#selfDependent() marked}: the form
 * shows that page again, with the questions that became relevant, after it is sent.
 *
 * <p>Dependencies are read with JavaRosa's own XPath parser (the triggers ODK's engine itself recomputes on), and a
 * dependency on a {@code calculate} is followed to the questions the calculation reads. The plan depends only on the
 * form, so it is made once per survey revision; which of its pages a respondent sees depends on their answers, and is
 * decided page by page by the engine ({@code FormSession}).
 */
public final class FormPlan {

    private static final String JR = "http://openrosa.org/javarosa";
    private static final Set<String> CONTROLS = Set.of("input", "select1", "select", "range", "trigger", "upload");
    private static final Pattern ITEXT = Pattern.compile("jr:itext\\(\\s*'([^']*)'\\s*\\)");
    private static final Pattern LANGUAGE_TAG = Pattern.compile(".*\\(\\s*(" + Languages.TAG + ")\\s*\\)\\s*");
    private static final Pattern CHOICE_NAME = Pattern.compile("\\s*jr:choice-name\\(\\s*(/[^ ,)]+)\\s*,.*");

    /**
     * One question as the public form asks it.
     *
     * @param path its node in the instance, {@code /data/group/name}
     * @param field its form field and CSV column: the path below the instance root, {@code group/name}
     * @param control the XForm body control: input, select1, select, range or trigger (acknowledge)
     * @param type the XForm data type: int, decimal, date, string...
     * @param appearance the XLSForm appearance, "" when none
     * @param display true for a note: shown, never answered
     * @param required whether an answer is always required (a required that is an expression is judged on sending)
     * @param labelId the itext id of its label, or null
     * @param hintId the itext id of its hint, or null
     * @param choices a select's choices by name (all of them, before any filter) with the itext id of their label
     * @param range a range's start, end and step, else null
     * @param dependsOn the questions whose answers change whether it is asked, what it offers, says or accepts
     */
    public record Question(String path, String field, String control, String type, String appearance,
            boolean display, boolean required, String labelId, String hintId, Map<String, String> choices, double[] range,
            Set<String> dependsOn) {

        public boolean isSelect() {
            return control.equals("select1") || control.equals("select");
        }
    }

    /**
     * A page of the form.
     *
     * @param number 1-based, in the plan (the respondent may skip some)
     * @param selfDependent a question on it depends on another of the same page (within a field-list group)
     */
    public record Page(int number, List<Question> questions, boolean selfDependent) {
    }

    /** A piece of a translated text: literal text, or the expression of an {@code <output>} to fill in. */
    public record Piece(String text, boolean output) {
    }

    private final String root;
    private final List<Page> pages;
    private final Map<String, Question> byPath = new LinkedHashMap<>();
    private final Map<String, Question> byField = new LinkedHashMap<>();
    /** language tag → itext id → the pieces of the text (the default value form only). */
    private final Map<String, Map<String, List<Piece>>> texts = new LinkedHashMap<>();
    private String defaultLanguage;

    private FormPlan(Document xform) {
        Element model = first(xform.getDocumentElement(), "model");
        Element body = first(xform.getDocumentElement(), "body");
        if (model == null || body == null) {
            throw new IllegalArgumentException("not an XForm: no model or no body");
        }
        Element instance = first(model, "instance");
        Element data = instance == null ? null : firstElement(instance);
        if (data == null) {
            throw new IllegalArgumentException("not an XForm: no instance");
        }
        root = "/" + data.getLocalName();
        readTexts(model);
        Map<String, Element> binds = new HashMap<>();
        for (Element bind : children(model, "bind")) {
            binds.put(normalize(bind.getAttribute("nodeset")), bind);
        }
        Map<String, Map<String, String>> lists = secondaryLists(model);
        // what each node of the instance reads, questions and calculations alike
        Map<String, Set<String>> reads = new HashMap<>();
        binds.forEach((path, bind) -> {
            Set<String> refs = new LinkedHashSet<>();
            for (String attribute : List.of("relevant", "constraint", "required", "calculate", "readonly")) {
                refs.addAll(references(bind.getAttribute(attribute), path));
            }
            for (String attribute : List.of("constraintMsg", "requiredMsg")) {
                String message = bind.getAttributeNS(JR, attribute);
                Matcher itext = ITEXT.matcher(message);
                if (itext.matches()) {
                    refs.addAll(textReferences(itext.group(1), path));
                }
            }
            reads.put(path, refs);
        });
        List<List<Question>> units = new ArrayList<>();
        walk(body, binds, lists, reads, units, List.of(), null);
        pages = cut(units, binds, reads);
    }

    /** @throws IllegalArgumentException for text that is not an XForm */
    public static FormPlan of(String xform) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new FormPlan(factory.newDocumentBuilder().parse(new InputSource(new StringReader(xform))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not an XForm: " + e.getMessage(), e);
        }
    }

    public List<Page> pages() {
        return pages;
    }

    public Page page(int number) {
        return pages.get(number - 1);
    }

    /** The questions in form order. */
    public List<Question> questions() {
        return List.copyOf(byPath.values());
    }

    public Question question(String path) {
        return byPath.get(path);
    }

    public Question byField(String field) {
        return byField.get(field);
    }

    /** The number of the page a question is on. */
    public int pageOf(String path) {
        for (Page page : pages) {
            for (Question question : page.questions()) {
                if (question.path().equals(path)) {
                    return page.number();
                }
            }
        }
        throw new IllegalArgumentException("no question " + path);
    }

    /** The pieces of a translated text in a language (a BCP-47 tag), else in the form's default language. */
    public List<Piece> text(String id, String language) {
        if (id == null) {
            return List.of();
        }
        List<Piece> text = texts.getOrDefault(language, Map.of()).get(id);
        if (text == null && defaultLanguage != null) {
            text = texts.get(defaultLanguage).get(id);
        }
        return text == null ? List.of() : text;
    }

    /**
     * The path an output expression shows, and whether it shows the label of the chosen choice
     * ({@code jr:choice-name}) rather than the value; null for an expression that is not a plain reference.
     */
    public static Map.Entry<String, Boolean> outputTarget(String expression) {
        Matcher choiceName = CHOICE_NAME.matcher(expression);
        if (choiceName.matches()) {
            return Map.entry(choiceName.group(1), true);
        }
        String plain = expression.strip();
        return plain.matches("/[A-Za-z_][A-Za-z0-9_./-]*") ? Map.entry(plain, false) : null;
    }

    // ---------------------------------------------------------------- reading the form

    private void readTexts(Element model) {
        Element itext = first(model, "itext");
        if (itext == null) {
            return;
        }
        for (Element translation : children(itext, "translation")) {
            String name = translation.getAttribute("lang");
            Matcher tag = LANGUAGE_TAG.matcher(name);
            String language = tag.matches() ? tag.group(1) : name;
            if (defaultLanguage == null || translation.hasAttribute("default")) {
                defaultLanguage = language;
            }
            Map<String, List<Piece>> byId = texts.computeIfAbsent(language, l -> new HashMap<>());
            for (Element text : children(translation, "text")) {
                for (Element value : children(text, "value")) {
                    String form = value.getAttribute("form");
                    if (!form.isEmpty()) {
                        continue; // guidance, media: not shown on the page
                    }
                    List<Piece> pieces = new ArrayList<>();
                    for (Node node = value.getFirstChild(); node != null; node = node.getNextSibling()) {
                        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                            pieces.add(new Piece(node.getNodeValue(), false));
                        } else if (node instanceof Element output && output.getLocalName().equals("output")) {
                            pieces.add(new Piece(output.getAttribute("value"), true));
                        }
                    }
                    byId.put(text.getAttribute("id"), List.copyOf(pieces));
                }
            }
        }
    }

    /** Choice lists kept as secondary instances (for choice filters): list → choice name → itext id. */
    private static Map<String, Map<String, String>> secondaryLists(Element model) {
        Map<String, Map<String, String>> lists = new HashMap<>();
        for (Element instance : children(model, "instance")) {
            if (!instance.hasAttribute("id")) {
                continue;
            }
            Map<String, String> items = new LinkedHashMap<>();
            Element root = firstElement(instance);
            if (root != null) {
                for (Element item : children(root, "item")) {
                    Element name = first(item, "name");
                    Element id = first(item, "itextId");
                    if (name != null) {
                        items.put(name.getTextContent().strip(), id == null ? null : id.getTextContent().strip());
                    }
                }
            }
            lists.put(instance.getAttribute("id"), items);
        }
        return lists;
    }

    /**
     * Reads the body in order into units that must stay on one page: a question, or every question of a
     * field-list group. groupRelevance is what the groups around a question read to decide whether it is asked.
     */
    private void walk(Element parent, Map<String, Element> binds, Map<String, Map<String, String>> lists,
            Map<String, Set<String>> reads, List<List<Question>> units, List<String> enclosing, List<Question> fieldList) {
        for (Element element : children(parent, null)) {
            String name = element.getLocalName();
            if (name.equals("group") || name.equals("repeat")) {
                String ref = normalize(element.getAttribute(name.equals("group") ? "ref" : "nodeset"));
                List<String> groups = new ArrayList<>(enclosing);
                if (!ref.isEmpty()) {
                    groups.add(ref);
                }
                boolean isFieldList = fieldList == null
                        && (" " + element.getAttribute("appearance") + " ").contains(" field-list ");
                List<Question> unit = isFieldList ? new ArrayList<>() : fieldList;
                walk(element, binds, lists, reads, units, groups, unit);
                if (isFieldList && !unit.isEmpty()) {
                    units.add(unit);
                }
            } else if (CONTROLS.contains(name)) {
                Question question = question(element, binds, lists, reads, enclosing);
                byPath.put(question.path(), question);
                byField.put(question.field(), question);
                if (fieldList != null) {
                    fieldList.add(question);
                } else {
                    units.add(List.of(question));
                }
            }
        }
    }

    private Question question(Element control, Map<String, Element> binds, Map<String, Map<String, String>> lists,
            Map<String, Set<String>> reads, List<String> groups) {
        String path = normalize(control.getAttribute("ref"));
        Element bind = binds.get(path);
        Set<String> refs = new LinkedHashSet<>(reads.getOrDefault(path, Set.of()));
        for (String group : groups) {
            refs.addAll(reads.getOrDefault(group, Set.of()));
        }
        String labelId = itextId(first(control, "label"));
        String hintId = itextId(first(control, "hint"));
        refs.addAll(textReferences(labelId, path));
        refs.addAll(textReferences(hintId, path));
        Map<String, String> choices = new LinkedHashMap<>();
        for (Element item : children(control, "item")) {
            Element value = first(item, "value");
            if (value != null) {
                choices.put(value.getTextContent().strip(), itextId(first(item, "label")));
            }
        }
        Element itemset = first(control, "itemset");
        if (itemset != null) {
            String nodeset = itemset.getAttribute("nodeset");
            refs.addAll(references(nodeset, path));
            Matcher list = Pattern.compile("instance\\(\\s*'([^']*)'\\s*\\)").matcher(nodeset);
            if (list.find()) {
                choices.putAll(lists.getOrDefault(list.group(1), Map.of()));
            }
        }
        double[] range = null;
        if (control.getLocalName().equals("range")) {
            range = new double[] {number(control.getAttribute("start"), 1), number(control.getAttribute("end"), 10),
                    number(control.getAttribute("step"), 1)};
        }
        boolean display = bind != null && bind.getAttribute("readonly").strip().equals("true()")
                && control.getLocalName().equals("input");
        String type = bind == null || bind.getAttribute("type").isEmpty() ? "string" : bind.getAttribute("type");
        return new Question(path, path.startsWith(root + "/") ? path.substring(root.length() + 1) : path,
                control.getLocalName(), type, control.getAttribute("appearance").strip(), display,
                bind != null && bind.getAttribute("required").strip().equals("true()"), labelId, hintId,
                Collections.unmodifiableMap(choices), range, refs);
    }

    /** Cuts the units into pages, after resolving what each question depends on down to other questions. */
    private List<Page> cut(List<List<Question>> units, Map<String, Element> binds, Map<String, Set<String>> reads) {
        Map<String, Set<String>> resolved = new HashMap<>();
        for (Question question : byPath.values()) {
            Set<String> on = new LinkedHashSet<>();
            resolve(question.dependsOn(), reads, on, new HashSet<>());
            on.remove(question.path());
            resolved.put(question.path(), Collections.unmodifiableSet(on));
        }
        List<Page> cut = new ArrayList<>();
        List<Question> current = new ArrayList<>();
        Set<String> onPage = new HashSet<>();
        for (List<Question> unit : units) {
            boolean dependsOnPage = unit.stream().anyMatch(q -> resolved.get(q.path()).stream().anyMatch(onPage::contains));
            if (dependsOnPage && !current.isEmpty()) {
                cut.add(page(cut.size() + 1, current, resolved));
                current = new ArrayList<>();
                onPage.clear();
            }
            for (Question question : unit) {
                current.add(withDependencies(question, resolved.get(question.path())));
                onPage.add(question.path());
            }
        }
        if (!current.isEmpty()) {
            cut.add(page(cut.size() + 1, current, resolved));
        }
        for (Page page : cut) {
            for (Question question : page.questions()) {
                byPath.put(question.path(), question);
                byField.put(question.field(), question);
            }
        }
        return List.copyOf(cut);
    }

    private static Question withDependencies(Question q, Set<String> on) {
        return new Question(q.path(), q.field(), q.control(), q.type(), q.appearance(), q.display(), q.required(),
                q.labelId(), q.hintId(), q.choices(), q.range(), on);
    }

    private static Page page(int number, List<Question> questions, Map<String, Set<String>> resolved) {
        Set<String> paths = new HashSet<>();
        questions.forEach(q -> paths.add(q.path()));
        boolean self = questions.stream().anyMatch(q -> resolved.get(q.path()).stream().anyMatch(paths::contains));
        return new Page(number, List.copyOf(questions), self);
    }

    /** Follows references through calculations (and groups) to the questions they finally read. */
    private void resolve(Set<String> refs, Map<String, Set<String>> reads, Set<String> into, Set<String> seen) {
        for (String ref : refs) {
            if (!seen.add(ref)) {
                continue;
            }
            if (byPath.containsKey(ref)) {
                into.add(ref);
                continue;
            }
            boolean under = false;
            for (String path : byPath.keySet()) {
                if (path.startsWith(ref + "/")) {
                    into.add(path); // a reference to a whole group reads every question in it
                    under = true;
                }
            }
            if (!under && reads.containsKey(ref)) {
                resolve(reads.get(ref), reads, into, seen); // a calculation
            }
        }
    }

    /** The nodes of the main instance an expression reads, evaluated at a node (for {@code .} and relative paths). */
    private static Set<String> references(String expression, String context) {
        Set<String> refs = new LinkedHashSet<>();
        if (expression == null || expression.isBlank()) {
            return refs;
        }
        try {
            TreeReference at = XPathReference.getPathExpr(context).getReference();
            for (TreeReference trigger : new XPathConditional(expression).getTriggers(at)) {
                if (trigger.getInstanceName() == null && trigger.isAbsolute()) {
                    refs.add(normalize(trigger.toString(false)));
                }
            }
        } catch (XPathSyntaxException | RuntimeException e) {
            // the converter and the engine have accepted the form, so this is an expression JavaRosa parses
            // differently in isolation; the absolute paths written in it are what it reads
            Matcher path = Pattern.compile("/[A-Za-z_][A-Za-z0-9_.-]*(?:/[A-Za-z_][A-Za-z0-9_.-]*)+").matcher(expression);
            while (path.find()) {
                refs.add(path.group());
            }
        }
        return refs;
    }

    private Set<String> textReferences(String id, String context) {
        Set<String> refs = new LinkedHashSet<>();
        if (id == null) {
            return refs;
        }
        for (Map<String, List<Piece>> language : texts.values()) {
            for (Piece piece : language.getOrDefault(id, List.of())) {
                if (piece.output()) {
                    refs.addAll(references(piece.text(), context));
                }
            }
        }
        return refs;
    }

    private static String itextId(Element label) {
        if (label == null) {
            return null;
        }
        Matcher itext = ITEXT.matcher(label.getAttribute("ref"));
        return itext.matches() ? itext.group(1) : null;
    }

    private static double number(String text, double fallback) {
        try {
            return text.isBlank() ? fallback : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A path without JavaRosa's multiplicities or spaces: {@code /data/g[1]/q} → {@code /data/g/q}. */
    private static String normalize(String path) {
        return path.strip().replaceAll("\\[\\d+]", "");
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (localName.equals("model") || localName.equals("body")) {
            for (Element child : children(parent, null)) {
                Element deeper = first(child, localName);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        List<Element> all = children(parent, null);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }
}
