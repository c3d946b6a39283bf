package org.beacon.devstack.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFunction;
import javax.xml.xpath.XPathFunctionException;

import org.beacon.contentimport.SurveySheet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The {@code relevant} and {@code constraint} rules of a survey sheet, evaluated over one respondent's answers by the
 * JDK's XPath 1.0 engine, so that the synthetic answers follow the same rules as the form (campaign-service runs the
 * form itself in JavaRosa; the devstack does not depend on it). The answers are an instance document shaped like the
 * form's ({@code <data><attitudes><l_only_way>4</l_only_way>...}); {@code ${name}} becomes the path of that question
 * and the ODK functions that XPath 1.0 lacks ({@code selected()}, {@code count-selected()}, {@code if()}, ...) are
 * resolved in an own namespace. Not safe for use by two threads: each generator run makes its own.
 */
final class FormLogic {

    private static final String ODK = "urn:beacon:odk-functions";
    /** ODK functions beyond XPath 1.0 that the rules of shipped surveys may use. */
    private static final Set<String> ODK_FUNCTIONS = Set.of("selected", "count-selected", "selected-at", "if",
            "coalesce", "int", "regex", "substr", "ends-with", "jr:choice-name");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?");

    private final SurveySheet sheet;
    private final Document instance;
    /** The instance's nodes by field (groups included). */
    private final Map<String, Element> nodes = new HashMap<>();
    /** The answers by question field; the instance document is filled from them when an expression reads it. */
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final XPath xpath;
    private final Map<String, Rule> rules = new HashMap<>();

    FormLogic(SurveySheet sheet) {
        this.sheet = sheet;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            instance = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = instance.createElement("data");
        instance.appendChild(root);
        for (SurveySheet.Question question : sheet.questions()) {
            Element parent = root;
            StringBuilder path = new StringBuilder();
            for (String step : question.field().split("/")) {
                path.append(path.isEmpty() ? "" : "/").append(step);
                Element node = nodes.get(path.toString());
                if (node == null) {
                    node = instance.createElement(step);
                    parent.appendChild(node);
                    nodes.put(path.toString(), node);
                }
                parent = node;
            }
        }
        sheet.questions().forEach(question -> answers.put(question.field(), ""));
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new OdkNamespace());
        xpath.setXPathFunctionResolver((name, arity) -> ODK.equals(name.getNamespaceURI())
                ? function(name.getLocalPart()) : null);
    }

    /** Forgets every answer. */
    void clear() {
        answers.replaceAll((field, value) -> "");
    }

    /** Records the answer of a question (its field), "" for none. */
    void set(String field, String value) {
        if (answers.replace(field, value) == null) {
            throw new IllegalArgumentException("no question " + field);
        }
    }

    /** Whether the question is asked, given the answers so far: its own rule and those of its groups all hold. */
    boolean relevant(SurveySheet.Question question) {
        for (String rule : question.relevance()) {
            if (!holds(rule, question)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the question's current answer meets its constraint (an empty answer always does, as in ODK). */
    boolean accepted(SurveySheet.Question question) {
        return question.constraint().isBlank() || answers.get(question.field()).isEmpty()
                || holds(question.constraint(), question);
    }

    private boolean holds(String expression, SurveySheet.Question context) {
        Rule rule = rule(expression);
        // The JDK's engine wraps the whole document for every evaluation (about a millisecond); a rule reads only the
        // answers it names and its own, whose values repeat across respondents, so each outcome is computed once.
        String key = null;
        if (rule.reads() != null) {
            StringBuilder values = new StringBuilder(context.field()).append('=').append(answers.get(context.field()));
            for (String read : rule.reads()) {
                values.append('\u0000').append(answers.get(read));
            }
            key = values.toString();
            Boolean known = rule.outcomes().get(key);
            if (known != null) {
                return known;
            }
        }
        try {
            // the instance document is brought up to date only when it is read
            answers.forEach((field, value) -> nodes.get(field).setTextContent(value));
            boolean outcome = (Boolean) rule.compiled().evaluate(nodes.get(context.field()), XPathConstants.BOOLEAN);
            if (key != null) {
                rule.outcomes().put(key, outcome);
            }
            return outcome;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("cannot evaluate '" + expression + "' for " + context.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * An expression read once.
     *
     * @param reads the answers it names with {@code ${name}}, on which (with the question's own answer) its outcome
     *     depends; null when it reads other nodes by path, and its outcomes are then not kept
     * @param outcomes the outcome for each combination of those values met so far
     */
    private record Rule(XPathExpression compiled, List<String> reads, Map<String, Boolean> outcomes) {
    }

    private Rule rule(String expression) {
        Rule known = rules.get(expression);
        if (known != null) {
            return known;
        }
        XPathExpression compiled;
        try {
            compiled = xpath.compile(translate(expression));
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("cannot read '" + expression + "': " + e.getMessage(), e);
        }
        List<String> reads = new ArrayList<>();
        Matcher reference = SurveySheet.REFERENCE.matcher(expression);
        while (reference.find()) {
            String field = sheet.field(reference.group(1));
            if (!answers.containsKey(field)) { // a group or a note: its value is not an answer
                reads = null;
                break;
            }
            reads.add(field);
        }
        boolean byPath = expression.replaceAll("'[^']*'|\"[^\"]*\"", "").contains("/");
        Rule rule = new Rule(compiled, byPath ? null : reads, new HashMap<>());
        rules.put(expression, rule);
        return rule;
    }

    /**
     * {@code ${name}} → the question's absolute path; an ODK function → the same name in the ODK namespace. Quoted
     * strings are copied as they are.
     */
    String translate(String expression) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                int end = expression.indexOf(c, i + 1);
                end = end < 0 ? expression.length() : end + 1;
                out.append(expression, i, end);
                i = end;
            } else if (c == '$' && expression.startsWith("${", i)) {
                int end = expression.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + expression + "': ${ without }");
                }
                String name = expression.substring(i + 2, end);
                String field = sheet.field(name);
                if (field == null) {
                    throw new IllegalArgumentException("'" + expression + "': ${" + name + "} names no question");
                }
                out.append("/data/").append(field);
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                var name = NAME.matcher(expression).region(i, expression.length());
                name.lookingAt();
                String word = name.group();
                int after = name.end();
                while (after < expression.length() && Character.isWhitespace(expression.charAt(after))) {
                    after++;
                }
                boolean call = after < expression.length() && expression.charAt(after) == '(';
                out.append(call && ODK_FUNCTIONS.contains(word) ? "odk:" + word.replace("jr:", "jr-") : word);
                i = name.end();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static XPathFunction function(String name) {
        return switch (name) {
            case "selected" -> args -> List.of(text(args.get(0)).split("\\s+")).contains(text(args.get(1)));
            case "count-selected" -> args -> {
                String value = text(args.get(0)).strip();
                return value.isEmpty() ? 0.0 : (double) value.split("\\s+").length;
            };
            case "selected-at" -> args -> {
                String[] values = text(args.get(0)).strip().split("\\s+");
                int at = (int) number(args.get(1));
                return at >= 0 && at < values.length ? values[at] : "";
            };
            case "if" -> args -> bool(args.get(0)) ? args.get(1) : args.get(2);
            case "coalesce" -> args -> text(args.get(0)).isEmpty() ? text(args.get(1)) : text(args.get(0));
            case "int" -> args -> {
                double value = number(args.get(0));
                return Double.isNaN(value) ? value : (double) (long) value;
            };
            case "regex" -> args -> Pattern.compile(text(args.get(1))).matcher(text(args.get(0))).find();
            case "substr" -> args -> {
                String value = text(args.get(0));
                int start = Math.max(0, Math.min(value.length(), (int) number(args.get(1))));
                int end = args.size() > 2 ? Math.max(start, Math.min(value.length(), (int) number(args.get(2))))
                        : value.length();
                return value.substring(start, end);
            };
            case "ends-with" -> args -> text(args.get(0)).endsWith(text(args.get(1)));
            case "jr-choice-name" -> args -> text(args.get(0)); // the choice's name stands for its label here
            default -> null;
        };
    }

    private static String text(Object value) {
        if (value instanceof NodeList list) {
            return list.getLength() == 0 ? "" : list.item(0).getTextContent();
        }
        if (value instanceof Node node) {
            return node.getTextContent();
        }
        if (value instanceof Double number) {
            return number == Math.rint(number) && !number.isInfinite() ? String.valueOf(number.longValue())
                    : String.valueOf(number);
        }
        return value == null ? "" : value.toString();
    }

    private static double number(Object value) throws XPathFunctionException {
        if (value instanceof Double number) {
            return number;
        }
        try {
            return Double.parseDouble(text(value).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double number) {
            return number != 0 && !number.isNaN();
        }
        if (value instanceof NodeList list) {
            return list.getLength() > 0;
        }
        return !text(value).isEmpty();
    }

    private static final class OdkNamespace implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return "odk".equals(prefix) ? ODK : javax.xml.XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return ODK.equals(namespaceURI) ? "odk" : null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            return ODK.equals(namespaceURI) ? List.of("odk").iterator() : List.<String>of().iterator();
        }
    }
}
