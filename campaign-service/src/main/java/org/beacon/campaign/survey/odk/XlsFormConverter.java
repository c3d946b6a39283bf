package org.beacon.campaign.survey.odk;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.beacon.campaign.survey.odk.XlsFormRows.Language;
import org.beacon.campaign.survey.odk.XlsFormRows.Row;
import org.beacon.commons.web.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Converts XLSForm rows into an ODK XForm the way pyxform does (same instance layout, bind attributes, itext ids and
 * body controls), so the XForm Beacon serves behaves in ODK Collect and ODK Web Forms like one made by ODK's own
 * tools. Only what an anonymous survey can honour is converted: metadata that would identify a respondent or a device
 * is left out and reported, and features Beacon cannot honour are refused by sheet, row, column and name rather than
 * half-converted, since a dropped skip rule or constraint would change what was asked.
 */
public final class XlsFormConverter {

    static final String XFORMS = "http://www.w3.org/2002/xforms";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String JR = "http://openrosa.org/javarosa";
    static final String ODK = "http://www.opendatakit.org/xforms";
    static final String ORX = "http://openrosa.org/xforms";
    static final String ROOT = "data";

    /** Types that would record who, where or when exactly someone answered: converted to nothing, and reported. */
    private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "subscriberid",
            "simserial", "phonenumber", "username", "email", "audit", "start-geopoint", "background-geopoint",
            "background-audio", "uri:deviceid", "uri:email", "uri:phonenumber", "uri:username", "uri:subscriberid",
            "uri:simserial");

    /** Types Beacon cannot honour, with the feature name a refusal gives. */
    private static final Map<String, String> UNSUPPORTED_TYPES = Map.ofEntries(
            Map.entry("geopoint", "location (geopoint)"), Map.entry("geotrace", "location (geotrace)"),
            Map.entry("geoshape", "location (geoshape)"),
            Map.entry("image", "media capture (image)"), Map.entry("audio", "media capture (audio)"),
            Map.entry("video", "media capture (video)"), Map.entry("file", "file upload"),
            Map.entry("barcode", "barcode"), Map.entry("rank", "rank"),
            Map.entry("select_one_from_file", "external choices (select_one_from_file)"),
            Map.entry("select_multiple_from_file", "external choices (select_multiple_from_file)"),
            Map.entry("select_one_external", "external choices (select_one_external)"),
            Map.entry("csv-external", "external choices (csv-external)"),
            Map.entry("xml-external", "external data (xml-external)"),
            Map.entry("osm", "OpenStreetMap questions"), Map.entry("hidden", "hidden questions"));

    /** Columns Beacon cannot honour, with the feature name a refusal gives; only a filled cell is refused. */
    private static final Map<String, String> UNSUPPORTED_COLUMNS = Map.ofEntries(
            Map.entry("repeat_count", "repeat"),
            Map.entry("body::accuracythreshold", "location (geopoint)"));

    /** Plain XForm types of the simple question types, and the body control each is asked with. */
    private static final Map<String, String[]> SIMPLE_TYPES = Map.ofEntries(
            Map.entry("integer", new String[] {"int", "input"}), Map.entry("int", new String[] {"int", "input"}),
            Map.entry("decimal", new String[] {"decimal", "input"}), Map.entry("text", new String[] {"string", "input"}),
            Map.entry("string", new String[] {"string", "input"}), Map.entry("date", new String[] {"date", "input"}),
            Map.entry("time", new String[] {"time", "input"}), Map.entry("datetime", new String[] {"dateTime", "input"}),
            Map.entry("note", new String[] {"string", "input"}),
            Map.entry("acknowledge", new String[] {"string", "trigger"}),
            Map.entry("calculate", new String[] {"string", null}), Map.entry("range", new String[] {"int", "range"}));

    private static final Set<String> SURVEY_COLUMNS = Set.of("type", "name", "label", "hint", "guidance_hint",
            "constraint_message", "required_message", "required", "relevant", "constraint", "calculation",
            "read_only", "default", "choice_filter", "appearance", "parameters", "trigger");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> YES = Set.of("yes", "true", "true()", "1");
    private static final Set<String> NO = Set.of("no", "false", "false()", "0");

    /** "Other" and "Specify other." for or_other, per language; pyxform writes the English words in every language. */
    private static final Map<String, String[]> OTHER_WORDS = Map.of(
            "en", new String[] {"Other", "Specify other."},
            "fr", new String[] {"Autre", "Précisez."},
            "es", new String[] {"Otro", "Especifique."},
            "pt", new String[] {"Outro", "Especifique."},
            "ar", new String[] {"أخرى", "يرجى التحديد."},
            "sw", new String[] {"Nyingine", "Taja nyingine."});

    private final XlsFormRows form;
    private final List<FormProblem> problems = new ArrayList<>();
    private final List<Reason> notices = new ArrayList<>();
    private final Map<String, List<Choice>> lists = new LinkedHashMap<>();
    /** XLSForm name → the instance paths of the questions and groups so named. */
    private final Map<String, List<Node>> byName = new HashMap<>();
    private final Map<String, Row> rowByPath = new HashMap<>();
    private final Group root = new Group(null, ROOT, "/" + ROOT, null);
    private final List<Language> languages;
    private Document xml;
    /** language tag → itext id → text element */
    private final Map<String, Map<String, Element>> itext = new LinkedHashMap<>();
    private final Set<String> secondaryInstances = new LinkedHashSet<>();

    private sealed interface Node permits Question, Group {
        String name();

        String path();

        Row row();
    }

    private record Question(Row row, String name, String path, String type, String bindType, String control,
            String list, boolean orOther, boolean syntheticOther, Question parentSelect) implements Node {
    }

    private static final class Group implements Node {
        final Row row;
        final String name;
        final String path;
        final Group parent;
        final List<Node> children = new ArrayList<>();

        Group(Row row, String name, String path, Group parent) {
            this.row = row;
            this.name = name;
            this.path = path;
            this.parent = parent;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Row row() {
            return row;
        }
    }

    private record Choice(Row row, String name, Map<String, String> labels, Map<String, String> extra) {
    }

    private XlsFormConverter(XlsFormRows form) {
        this.form = form;
        this.languages = form.languages();
    }

    /**
     * Converts a form.
     *
     * @throws XlsFormRefused with every problem found
     */
    public static ConvertedForm convert(XlsFormRows form) {
        return new XlsFormConverter(form).convert();
    }

    private ConvertedForm convert() {
        Row settings = form.settings();
        for (String key : settings.cells().keySet()) {
            switch (key) {
                case "form_title", "form_id", "version", "default_language", "style" -> { }
                case "instance_name" -> notices.add(Reason.of("notice.instance-name"));
                case "submission_url", "public_key", "auto_send", "auto_delete" ->
                        problems.add(settings.problem(key, key, Reason.of("xlsform.setting-not-supported",
                                settings.header(key))));
                default -> notices.add(Reason.of("notice.setting-ignored", settings.header(key)));
            }
        }
        readChoices();
        readSurvey();
        if (!problems.isEmpty()) {
            throw new XlsFormRefused(problems);
        }
        String formId = settings.has("form_id") ? settings.get("form_id") : "survey";
        if (!NAME.matcher(formId).matches()) {
            problems.add(settings.problem("form_id", "form_id", Reason.of("xlsform.invalid-form-id", formId)));
        }
        String title = settings.has("form_title") ? settings.get("form_title") : formId;
        String version = settings.get("version");
        String text = write(formId, version, title);
        if (problems.isEmpty()) {
            checkInEngine(text);
        }
        if (!problems.isEmpty()) {
            throw new XlsFormRefused(problems);
        }
        List<Language> ordered = new ArrayList<>(languages);
        ordered.sort((a, b) -> Boolean.compare(!a.tag().equals(form.defaultLanguage()), !b.tag().equals(form.defaultLanguage())));
        return new ConvertedForm(formId, version, title, text, List.copyOf(ordered), List.copyOf(notices), fields());
    }

    /** The questions of the form in its order, each with whether a relevant rule on it or a group around it applies. */
    private List<ConvertedForm.Field> fields() {
        List<ConvertedForm.Field> fields = new ArrayList<>();
        collect(root, false, fields);
        return List.copyOf(fields);
    }

    private void collect(Group group, boolean conditional, List<ConvertedForm.Field> fields) {
        for (Node node : group.children) {
            if (node instanceof Group child) {
                collect(child, conditional || child.row.has("relevant"), fields);
                continue;
            }
            Question question = (Question) node;
            if (question.syntheticOther()) {
                fields.add(new ConvertedForm.Field(question.path(), question.name(), "text", "string", question.row(),
                        true, question.parentSelect().path(), otherWords(1), Map.of(), List.of()));
                continue;
            }
            Row row = question.row();
            List<ConvertedForm.FieldChoice> choices = new ArrayList<>();
            if (question.list() != null) {
                for (Choice choice : lists.getOrDefault(question.list(), List.of())) {
                    choices.add(new ConvertedForm.FieldChoice(choice.name(), Map.copyOf(choice.labels()), choice.row()));
                }
                if (question.orOther()) {
                    choices.add(new ConvertedForm.FieldChoice("other", otherWords(0), null));
                }
            }
            String type = switch (question.type()) {
                case "int" -> "integer";
                case "string" -> "text";
                default -> question.type();
            };
            fields.add(new ConvertedForm.Field(question.path(), question.name(), type, question.bindType(), row,
                    conditional || row.has("relevant"), null, translations(row, "label"), translations(row, "hint"),
                    List.copyOf(choices)));
        }
    }

    private Map<String, String> translations(Row row, String column) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language language : languages) {
            if (row.has(column + "::" + language.tag())) {
                texts.put(language.tag(), row.get(column + "::" + language.tag()));
            }
        }
        return texts;
    }

    /** or_other's words in every language of the form: 0 the choice, 1 the label of the text asked after it. */
    private Map<String, String> otherWords(int which) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language language : languages) {
            texts.put(language.tag(), OTHER_WORDS.getOrDefault(language.tag().split("-")[0], OTHER_WORDS.get("en"))[which]);
        }
        return texts;
    }

    // ---------------------------------------------------------------- reading

    private void readChoices() {
        for (Row row : form.choices()) {
            String list = row.get("list_name");
            String name = row.get("name");
            for (String key : row.cells().keySet()) {
                if (key.startsWith("image::") || key.startsWith("audio::") || key.startsWith("video::")
                        || key.startsWith("big-image::") || key.startsWith("media::")) {
                    problems.add(row.problem(key, "media", Reason.of("xlsform.media-in-choices")));
                }
            }
            if (list.isEmpty() || name.isEmpty()) {
                problems.add(row.problem(list.isEmpty() ? "list_name" : "name", null,
                        Reason.of("xlsform.choice-needs-list-and-name")));
                continue;
            }
            List<Choice> choices = lists.computeIfAbsent(list, l -> new ArrayList<>());
            for (Choice earlier : choices) {
                if (earlier.name().equals(name)) {
                    problems.add(row.problem("name", null, Reason.of("xlsform.choice-twice", name, list,
                            earlier.row().number())));
                }
            }
            Map<String, String> labels = new HashMap<>();
            Map<String, String> extra = new LinkedHashMap<>();
            row.cells().forEach((key, value) -> {
                if (key.startsWith("label::")) {
                    labels.put(key.substring("label::".length()), value);
                } else if (!key.equals("list_name") && !key.equals("name") && !key.startsWith("beacon_")) {
                    if (NAME.matcher(key).matches()) {
                        extra.put(key, value);
                    } else {
                        problems.add(row.problem(key, "choice_filter", Reason.of("xlsform.choice-column-name",
                                row.header(key))));
                    }
                }
            });
            choices.add(new Choice(row, name, labels, extra));
        }
    }

    private void readSurvey() {
        Group group = root;
        for (Row row : form.survey()) {
            checkColumns(row);
            String written = row.get("type").replaceAll("\\s+", " ");
            String type = written.toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                problems.add(row.problem("type", null, Reason.of("xlsform.no-type")));
                continue;
            }
            if (type.equals("begin group") || type.equals("begin_group")) {
                String path = child(group, row, row.get("name"));
                // a group whose name is refused is still opened, so that its end group closes it
                Group child = new Group(row, row.get("name"), path == null ? group.path + "/?" : path, group);
                if (path != null) {
                    group.children.add(child);
                    byName.computeIfAbsent(child.name, n -> new ArrayList<>()).add(child);
                }
                group = child;
                continue;
            }
            if (type.equals("end group") || type.equals("end_group")) {
                if (group == root) {
                    problems.add(row.problem("type", "group", Reason.of("xlsform.end-group-alone")));
                } else {
                    group = group.parent;
                }
                continue;
            }
            String[] words = type.split(" ");
            if (METADATA.contains(type)) {
                notices.add(Reason.of("notice.metadata", row.number(), written, String.valueOf(row.get("name"))));
                continue;
            }
            String unsupported = type.matches("(begin|end)[ _]repeat.*") ? "repeat" : UNSUPPORTED_TYPES.get(words[0]);
            if (unsupported != null) {
                problems.add(row.problem("type", unsupported, Reason.of("xlsform.feature-not-supported", written,
                        unsupported)));
                continue;
            }
            Question question = question(group, row, written, words);
            if (question == null) {
                continue;
            }
            group.children.add(question);
            if (question.orOther()) {
                addOther(group, question);
            }
        }
        if (group != root) {
            problems.add(group.row.problem("type", "group", Reason.of("xlsform.group-not-ended", group.name)));
        }
        checkLists();
    }

    private void checkColumns(Row row) {
        for (String key : row.cells().keySet()) {
            String feature = UNSUPPORTED_COLUMNS.get(key);
            if (feature == null && (key.startsWith("image::") || key.startsWith("audio::") || key.startsWith("video::")
                    || key.startsWith("big-image::") || key.startsWith("media::"))) {
                feature = "media";
            }
            if (feature == null && (key.startsWith("bind::") || key.startsWith("body::") || key.startsWith("instance::"))) {
                feature = "custom XForm attributes";
            }
            if (feature != null) {
                problems.add(row.problem(key, feature, Reason.of("xlsform.feature-not-supported", row.header(key),
                        feature)));
            } else if (!SURVEY_COLUMNS.contains(key.split("::")[0]) && !key.startsWith("beacon_")
                    && !key.startsWith("media")) {
                Reason notice = Reason.of("notice.column-ignored", row.header(key));
                if (!notices.contains(notice)) {
                    notices.add(notice);
                }
            }
        }
    }

    /** A question of the row, or null with its problems recorded. */
    private Question question(Group group, Row row, String written, String[] words) {
        if (words.length == 2 && words[0].equals("date") && words[1].equals("time")) {
            words = new String[] {"datetime"}; // pyxform's other spelling of dateTime
        }
        String keyword = words[0];
        String bindType;
        String control;
        String list = null;
        boolean orOther = false;
        String type;
        if (keyword.equals("select") && words.length > 1 && (words[1].equals("one") || words[1].equals("multiple"))) {
            String[] rest = new String[words.length - 1];
            rest[0] = "select_" + words[1];
            System.arraycopy(words, 2, rest, 1, words.length - 2);
            words = rest;
            keyword = words[0];
        }
        if (keyword.equals("select_one") || keyword.equals("select_multiple")) {
            if (words.length < 2) {
                problems.add(row.problem("type", keyword, Reason.of("xlsform.no-choice-list", written)));
                return null;
            }
            String[] original = row.get("type").strip().split("\\s+");
            list = original[original.length - (words.length - 1)];
            orOther = words.length == 3 && words[2].equals("or_other");
            if (words.length > 3 || (words.length == 3 && !orOther)) {
                problems.add(row.problem("type", keyword, Reason.of("xlsform.not-a-select-type", written, keyword)));
                return null;
            }
            type = keyword;
            bindType = "string";
            control = keyword.equals("select_one") ? "select1" : "select";
        } else if (keyword.startsWith("select")) {
            problems.add(row.problem("type", "select", Reason.of("xlsform.select-not-supported", written)));
            return null;
        } else if (SIMPLE_TYPES.containsKey(keyword) && words.length == 1) {
            type = keyword;
            bindType = SIMPLE_TYPES.get(keyword)[0];
            control = SIMPLE_TYPES.get(keyword)[1];
        } else {
            problems.add(row.problem("type", null, Reason.of("xlsform.unknown-type", written)));
            return null;
        }
        if (type.equals("range")) {
            bindType = rangeType(row);
        } else if (row.has("parameters")) {
            problems.add(row.problem("parameters", "parameters", Reason.of("xlsform.parameters-only-range")));
        }
        if (row.has("trigger") && !row.has("calculation")) {
            // pyxform's trigger sets the value when the trigger changes: without a calculation that would clear an
            // answer, which the form would then have to ask again
            problems.add(row.problem("trigger", "trigger", Reason.of("xlsform.trigger-needs-calculation")));
        }
        if (type.equals("calculate") && !row.has("calculation")) {
            problems.add(row.problem("calculation", "calculate", Reason.of("xlsform.calculate-needs-calculation")));
        }
        if (row.has("choice_filter") && list == null) {
            problems.add(row.problem("choice_filter", "choice_filter", Reason.of("xlsform.choice-filter-only-select")));
        }
        if (orOther && row.has("choice_filter")) {
            problems.add(row.problem("choice_filter", "or_other", Reason.of("xlsform.or-other-with-filter")));
        }
        String path = child(group, row, row.get("name"));
        if (path == null) {
            return null;
        }
        Question question = new Question(row, row.get("name"), path, type, bindType, control, list, orOther, false, null);
        byName.computeIfAbsent(question.name(), n -> new ArrayList<>()).add(question);
        return question;
    }

    private void addOther(Group group, Question select) {
        String name = select.name() + "_other";
        for (Node sibling : group.children) {
            if (sibling.name().equals(name)) {
                problems.add(select.row().problem("type", "or_other", Reason.of("xlsform.or-other-name-taken", name,
                        sibling.row().number())));
                return;
            }
        }
        Question other = new Question(select.row(), name, group.path + "/" + name, "text", "string", "input", null,
                false, true, select);
        group.children.add(other);
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(other);
    }

    /** The path of a new child named by the row, or null (with a problem) when the name cannot be used. */
    private String child(Group group, Row row, String name) {
        if (name.isEmpty()) {
            problems.add(row.problem("name", null, Reason.of("xlsform.no-name")));
            return null;
        }
        if (!NAME.matcher(name).matches() || name.equalsIgnoreCase("meta")) {
            problems.add(row.problem("name", null, Reason.of("xlsform.invalid-name", name)));
            return null;
        }
        for (Node sibling : group.children) {
            if (sibling.name().equals(name)) {
                problems.add(row.problem("name", null, Reason.of("xlsform.name-taken", name, sibling.row().number())));
                return null;
            }
        }
        String path = group.path + "/" + name;
        rowByPath.put(path, row);
        return path;
    }

    private void checkLists() {
        visit(root, node -> {
            if (node instanceof Question q && q.list() != null && !lists.containsKey(q.list())) {
                problems.add(q.row().problem("type", q.type(), Reason.of("xlsform.list-missing", q.list())));
            }
        });
    }

    private String rangeType(Row row) {
        Map<String, String> parameters = parameters(row);
        boolean integers = true;
        double[] values = new double[3];
        String[] names = {"start", "end", "step"};
        String[] defaults = {"1", "10", "1"};
        for (int i = 0; i < 3; i++) {
            String value = parameters.getOrDefault(names[i], defaults[i]);
            try {
                values[i] = Double.parseDouble(value);
                integers &= value.matches("-?\\d+");
            } catch (NumberFormatException e) {
                problems.add(row.problem("parameters", "range", Reason.of("xlsform.range-not-a-number", names[i], value)));
            }
        }
        for (String key : parameters.keySet()) {
            if (!List.of(names).contains(key)) {
                problems.add(row.problem("parameters", "range", Reason.of("xlsform.range-unknown-parameter", key)));
            }
        }
        if (values[2] <= 0 || values[1] <= values[0]) {
            problems.add(row.problem("parameters", "range", Reason.of("xlsform.range-bounds")));
        }
        return integers ? "int" : "decimal";
    }

    private static Map<String, String> parameters(Row row) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : row.get("parameters").split("[\\s;,]+")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0].strip().toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
            }
        }
        return parameters;
    }

    // ---------------------------------------------------------------- writing

    private String write(String formId, String version, String title) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().newDocument();
            xml.setXmlStandalone(true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element html = xml.createElementNS(XHTML, "h:html");
        html.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", XFORMS);
        html.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:h", XHTML);
        html.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:jr", JR);
        html.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:odk", ODK);
        html.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:orx", ORX);
        xml.appendChild(html);
        Element head = append(html, XHTML, "h:head");
        append(head, XHTML, "h:title").setTextContent(title);
        Element model = append(head, XFORMS, "model");
        model.setAttributeNS(ODK, "odk:xforms-version", "1.0.0");
        Element translations = append(model, XFORMS, "itext");
        for (Language language : languages) {
            itext.put(language.tag(), new LinkedHashMap<>());
        }
        Element instance = append(model, XFORMS, "instance");
        Element data = append(instance, XFORMS, ROOT);
        data.setAttribute("id", formId);
        if (!version.isEmpty()) {
            data.setAttribute("version", version);
        }
        Element body = append(html, XHTML, "h:body");
        List<Element> binds = new ArrayList<>();
        List<Element> setvalues = new ArrayList<>();
        writeChildren(root, data, body, binds, setvalues);
        Element meta = append(data, XFORMS, "meta");
        append(meta, XFORMS, "instanceID");
        for (String list : secondaryInstances) {
            model.appendChild(secondaryInstance(list));
        }
        binds.forEach(model::appendChild);
        Element instanceId = xml.createElementNS(XFORMS, "bind");
        instanceId.setAttribute("nodeset", "/" + ROOT + "/meta/instanceID");
        instanceId.setAttribute("type", "string");
        instanceId.setAttribute("readonly", "true()");
        instanceId.setAttributeNS(JR, "jr:preload", "uid");
        model.appendChild(instanceId);
        setvalues.forEach(model::appendChild);
        writeTranslations(translations);
        return serialize();
    }

    private void writeChildren(Group group, Element data, Element body, List<Element> binds, List<Element> setvalues) {
        for (Node node : group.children) {
            Element element = append(data, XFORMS, node.name());
            if (node instanceof Group child) {
                Element bind = bind(child.path, child.row, null);
                if (bind != null) {
                    binds.add(bind);
                }
                Element control = append(body, XFORMS, "group");
                control.setAttribute("ref", child.path);
                if (child.row.has("appearance")) {
                    control.setAttribute("appearance", child.row.get("appearance"));
                }
                label(control, child.path, child.row, "label", false);
                writeChildren(child, element, control, binds, setvalues);
                continue;
            }
            Question question = (Question) node;
            binds.add(bind(question.path(), question.row(), question));
            defaultValue(question, element, setvalues);
            if (question.control() != null) {
                body.appendChild(control(question));
            }
        }
    }

    private void defaultValue(Question question, Element element, List<Element> setvalues) {
        Row row = question.row();
        if (question.syntheticOther() || !row.has("default")) {
            return;
        }
        String value = row.get("default");
        if (value.contains("${") || value.contains("(")) {
            Element setvalue = xml.createElementNS(XFORMS, "setvalue");
            setvalue.setAttribute("event", "odk-instance-first-load");
            setvalue.setAttribute("ref", question.path());
            setvalue.setAttribute("value", expression(row, "default", value));
            setvalues.add(setvalue);
        } else {
            element.setTextContent(value);
        }
    }

    /** The bind of a question or group, or null for a group that needs none. */
    private Element bind(String path, Row row, Question question) {
        Element bind = xml.createElementNS(XFORMS, "bind");
        bind.setAttribute("nodeset", path);
        if (question != null && question.syntheticOther()) {
            bind.setAttribute("type", "string");
            bind.setAttribute("relevant", "selected(" + question.parentSelect().path() + ", 'other')");
            return bind;
        }
        if (question != null) {
            bind.setAttribute("type", question.bindType());
        }
        if (row.has("relevant")) {
            bind.setAttribute("relevant", expression(row, "relevant", row.get("relevant")));
        }
        if (question == null) {
            return bind.hasAttribute("relevant") ? bind : null;
        }
        if (question.type().equals("note")) {
            bind.setAttribute("readonly", "true()");
        } else if (row.has("read_only")) {
            bind.setAttribute("readonly", flag(row, "read_only"));
        }
        if (row.has("required") && !NO.contains(row.get("required").toLowerCase(Locale.ROOT))) {
            bind.setAttribute("required", flag(row, "required"));
            message(bind, row, question.path(), "required_message", "jr:requiredMsg");
        }
        if (row.has("constraint")) {
            bind.setAttribute("constraint", expression(row, "constraint", row.get("constraint")));
            message(bind, row, question.path(), "constraint_message", "jr:constraintMsg");
        }
        if (row.has("calculation")) {
            bind.setAttribute("calculate", expression(row, "calculation", row.get("calculation")));
            if (row.has("trigger")) {
                // the calculation is recomputed whenever any answer changes, the trigger's among them; the trigger
                // itself is only checked to name questions of the form
                expression(row, "trigger", row.get("trigger"));
            }
        }
        return bind;
    }

    private String flag(Row row, String column) {
        String value = row.get(column);
        if (YES.contains(value.toLowerCase(Locale.ROOT))) {
            return "true()";
        }
        if (NO.contains(value.toLowerCase(Locale.ROOT))) {
            return "false()";
        }
        return expression(row, column, value);
    }

    /** A translated required or constraint message: an itext reference when the row has one in any language. */
    private void message(Element bind, Row row, String path, String column, String attribute) {
        String id = path + ":" + attribute;
        if (translate(row, column, id, path, false)) {
            bind.setAttributeNS(JR, attribute, "jr:itext('" + id + "')");
        }
    }

    private Element control(Question question) {
        Row row = question.row();
        Element control = xml.createElementNS(XFORMS, question.control());
        control.setAttribute("ref", question.path());
        if (question.syntheticOther()) {
            for (Language language : languages) {
                String[] words = OTHER_WORDS.getOrDefault(language.tag().split("-")[0], OTHER_WORDS.get("en"));
                text(language.tag(), question.path() + ":label").appendChild(value(words[1]));
            }
            append(control, XFORMS, "label").setAttribute("ref", "jr:itext('" + question.path() + ":label')");
            return control;
        }
        if (row.has("appearance")) {
            control.setAttribute("appearance", row.get("appearance"));
        }
        if (question.type().equals("range")) {
            Map<String, String> parameters = parameters(row);
            control.setAttribute("start", parameters.getOrDefault("start", "1"));
            control.setAttribute("end", parameters.getOrDefault("end", "10"));
            control.setAttribute("step", parameters.getOrDefault("step", "1"));
        }
        if (!label(control, question.path(), row, "label", true) && !question.type().equals("calculate")) {
            problems.add(row.problem("label", null, Reason.of("xlsform.no-label", question.name())));
        }
        hint(control, question.path(), row);
        if (question.list() != null) {
            choices(control, question);
        }
        return control;
    }

    /** Adds a label element referring to the row's translations; false when the row has no label at all. */
    private boolean label(Element control, String path, Row row, String column, boolean required) {
        String id = path + ":" + column;
        if (!translate(row, column, id, path, required)) {
            return false;
        }
        append(control, XFORMS, column).setAttribute("ref", "jr:itext('" + id + "')");
        return true;
    }

    private void hint(Element control, String path, Row row) {
        String id = path + ":hint";
        boolean hint = translate(row, "hint", id, path, false);
        boolean guidance = false;
        for (Language language : languages) {
            String text = row.get("guidance_hint::" + language.tag());
            if (!text.isEmpty()) {
                Element value = value(null);
                value.setAttribute("form", "guidance");
                fill(value, row, "guidance_hint::" + language.tag(), text);
                text(language.tag(), id).appendChild(value);
                guidance = true;
            }
        }
        if (hint || guidance) {
            append(control, XFORMS, "hint").setAttribute("ref", "jr:itext('" + id + "')");
        }
    }

    /**
     * Writes the translations of a column into itext under the id; a language without text gets "-" as pyxform
     * does, and a notice. False when no language has text.
     */
    private boolean translate(Row row, String column, String id, String path, boolean noticeMissing) {
        boolean any = languages.stream().anyMatch(l -> row.has(column + "::" + l.tag()));
        if (!any) {
            return false;
        }
        for (Language language : languages) {
            String key = column + "::" + language.tag();
            Element value = value(null);
            if (row.has(key)) {
                fill(value, row, key, row.get(key));
            } else {
                value.setTextContent("-");
                if (noticeMissing) {
                    notices.add(Reason.of("notice.no-text-in", row.sheet(), row.number(), column,
                            language.displayName()));
                }
            }
            text(language.tag(), id).appendChild(value);
        }
        return true;
    }

    /** Fills an itext value, turning each {@code ${name}} into an output of the answer (a choice's label for a select). */
    private void fill(Element value, Row row, String column, String text) {
        Matcher reference = REFERENCE.matcher(text);
        int from = 0;
        while (reference.find()) {
            value.appendChild(xml.createTextNode(text.substring(from, reference.start())));
            Node target = resolve(row, column, reference.group(1));
            if (target != null) {
                Element output = xml.createElementNS(XFORMS, "output");
                boolean selectOne = target instanceof Question q && "select_one".equals(q.type());
                output.setAttribute("value", selectOne
                        ? "jr:choice-name( " + target.path() + " ,' " + target.path() + " ')"
                        : " " + target.path() + " ");
                value.appendChild(output);
            }
            from = reference.end();
        }
        value.appendChild(xml.createTextNode(text.substring(from)));
    }

    private void choices(Element control, Question question) {
        List<Choice> choices = lists.getOrDefault(question.list(), List.of());
        for (int index = 0; index < choices.size(); index++) {
            Choice choice = choices.get(index);
            String id = question.list() + "-" + index;
            if (!itext.values().iterator().next().containsKey(id)) {
                for (Language language : languages) {
                    String label = choice.labels().get(language.tag());
                    if (label == null) {
                        notices.add(Reason.of("notice.no-text-in", "choices", choice.row().number(), "label",
                                language.displayName()));
                    }
                    text(language.tag(), id).appendChild(value(label == null ? "-" : label));
                }
            }
        }
        Row row = question.row();
        if (row.has("choice_filter")) {
            secondaryInstances.add(question.list());
            Element itemset = append(control, XFORMS, "itemset");
            itemset.setAttribute("nodeset", "instance('" + question.list() + "')/root/item["
                    + expression(row, "choice_filter", row.get("choice_filter")) + "]");
            append(itemset, XFORMS, "value").setAttribute("ref", "name");
            append(itemset, XFORMS, "label").setAttribute("ref", "jr:itext(itextId)");
            return;
        }
        for (int index = 0; index < choices.size(); index++) {
            Element item = append(control, XFORMS, "item");
            append(item, XFORMS, "label").setAttribute("ref", "jr:itext('" + question.list() + "-" + index + "')");
            append(item, XFORMS, "value").setTextContent(choices.get(index).name());
        }
        if (question.orOther()) {
            String id = question.path() + "/other:label";
            for (Language language : languages) {
                String[] words = OTHER_WORDS.getOrDefault(language.tag().split("-")[0], OTHER_WORDS.get("en"));
                text(language.tag(), id).appendChild(value(words[0]));
            }
            Element item = append(control, XFORMS, "item");
            append(item, XFORMS, "label").setAttribute("ref", "jr:itext('" + id + "')");
            append(item, XFORMS, "value").setTextContent("other");
        }
    }

    /** A list as a secondary instance, so that a choice filter can select its items by their columns. */
    private Element secondaryInstance(String list) {
        Element instance = xml.createElementNS(XFORMS, "instance");
        instance.setAttribute("id", list);
        Element root = append(instance, XFORMS, "root");
        List<Choice> choices = lists.get(list);
        for (int index = 0; index < choices.size(); index++) {
            Element item = append(root, XFORMS, "item");
            append(item, XFORMS, "itextId").setTextContent(list + "-" + index);
            append(item, XFORMS, "name").setTextContent(choices.get(index).name());
            for (Map.Entry<String, String> column : choices.get(index).extra().entrySet()) {
                append(item, XFORMS, column.getKey()).setTextContent(column.getValue());
            }
        }
        return instance;
    }

    /** An expression with every {@code ${name}} made an absolute path, checked by JavaRosa's XPath parser. */
    private String expression(Row row, String column, String written) {
        Matcher reference = REFERENCE.matcher(written);
        StringBuilder result = new StringBuilder();
        boolean resolved = true;
        while (reference.find()) {
            Node target = resolve(row, column, reference.group(1));
            resolved &= target != null;
            reference.appendReplacement(result, Matcher.quoteReplacement(target == null ? "x" : " " + target.path() + " "));
        }
        reference.appendTail(result);
        String expression = result.toString();
        if (resolved) {
            for (Reason problem : XPathCheck.problems(expression)) {
                problems.add(row.problem(column, column, problem));
            }
        }
        return expression;
    }

    private Node resolve(Row row, String column, String name) {
        List<Node> targets = byName.getOrDefault(name.strip(), List.of());
        if (targets.isEmpty()) {
            problems.add(row.problem(column, column, Reason.of("xlsform.reference-unknown", name)));
            return null;
        }
        if (targets.size() > 1) {
            problems.add(row.problem(column, column, Reason.of("xlsform.reference-ambiguous", name)));
            return null;
        }
        return targets.get(0);
    }

    private void writeTranslations(Element translations) {
        for (Language language : languages) {
            Element translation = append(translations, XFORMS, "translation");
            translation.setAttribute("lang", language.displayName());
            if (language.tag().equals(form.defaultLanguage())) {
                translation.setAttribute("default", "true()");
            }
            itext.get(language.tag()).values().forEach(translation::appendChild);
        }
    }

    private Element text(String language, String id) {
        return itext.get(language).computeIfAbsent(id, i -> {
            Element text = xml.createElementNS(XFORMS, "text");
            text.setAttribute("id", i);
            return text;
        });
    }

    private Element value(String content) {
        Element value = xml.createElementNS(XFORMS, "value");
        if (content != null) {
            value.setTextContent(content);
        }
        return value;
    }

    private Element append(Element parent, String namespace, String name) {
        Element child = xml.createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }

    private static void visit(Group group, java.util.function.Consumer<Node> action) {
        for (Node node : group.children) {
            action.accept(node);
            if (node instanceof Group child) {
                visit(child, action);
            }
        }
    }

    private String serialize() {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            // no indentation: it would add white space inside labels that mix text and <output/>
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the XForm in JavaRosa, which finds what only a whole form shows (a calculation that depends on itself);
     * its complaint names a path, which is placed back on the row that wrote it.
     */
    private void checkInEngine(String text) {
        try {
            FormEngine.load(text);
        } catch (FormEngine.FormNotRunnable e) {
            String message = e.getMessage();
            Row row = rowByPath.entrySet().stream()
                    .filter(entry -> message.contains(entry.getKey()))
                    .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length()))
                    .map(Map.Entry::getValue).orElse(null);
            problems.add(row == null
                    ? new FormProblem(XlsFormRows.SURVEY, 0, null, null, Reason.of("xlsform.engine", message))
                    : row.problem(null, null, Reason.of("xlsform.engine", message)));
        }
    }
}
