package org.beacon.campaign.survey.odk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.beacon.commons.web.Reason;
import org.javarosa.xpath.XPathParseTool;
import org.javarosa.xpath.expr.XPathBinaryOpExpr;
import org.javarosa.xpath.expr.XPathExpression;
import org.javarosa.xpath.expr.XPathFilterExpr;
import org.javarosa.xpath.expr.XPathFuncExpr;
import org.javarosa.xpath.expr.XPathPathExpr;
import org.javarosa.xpath.expr.XPathStep;
import org.javarosa.xpath.expr.XPathUnaryOpExpr;
import org.javarosa.xpath.parser.XPathSyntaxException;

/**
 * Reads an expression with JavaRosa's own XPath parser and lists what is wrong with it for a Beacon form. JavaRosa
 * itself only notices an unknown function when it first evaluates the expression, which for a constraint may be the
 * first respondent's answer; reading the parsed expression finds it while the form is imported.
 */
final class XPathCheck {

    /** The functions ODK's engines implement and Beacon lets a survey use. */
    private static final Set<String> FUNCTIONS = Set.of("abs", "acos", "asin", "atan", "atan2", "boolean",
            "boolean-from-string", "checklist", "coalesce", "concat", "contains", "cos", "count", "count-non-empty",
            "count-selected", "date", "date-time", "decimal-date-time", "decimal-time", "ends-with", "exp", "exp10",
            "false", "format-date", "format-date-time", "if", "instance", "int", "join", "log", "log10", "max", "min",
            "normalize-space", "not", "now", "number", "once", "pi", "position", "pow", "random", "randomize",
            "regex", "round", "selected", "is-selected", "selected-at", "sin", "sqrt", "starts-with", "string",
            "string-length", "substr", "substring-after", "substring-before", "sum", "tan", "today", "translate",
            "true", "uuid", "weighted-checklist", "jr:choice-name", "jr:itext", "current");

    /**
     * Functions ODK knows that make no sense in an anonymous survey: they read the device or its location, or need
     * repeats or signatures Beacon refuses.
     */
    private static final Set<String> REFUSED_FUNCTIONS = Set.of("property", "area", "distance", "enclosed-area",
            "geofence", "indexed-repeat", "digest", "extract-signed", "base64-decode", "depend", "version");

    private XPathCheck() {
    }

    /** What is wrong with an expression, in words an author understands; empty when nothing is. */
    static List<Reason> problems(String expression) {
        List<Reason> problems = new ArrayList<>();
        XPathExpression parsed;
        try {
            parsed = XPathParseTool.parseXPath(expression);
        } catch (XPathSyntaxException | RuntimeException e) {
            problems.add(Reason.of("xlsform.invalid-expression", expression, String.valueOf(e.getMessage())));
            return problems;
        }
        visit(parsed, function -> {
            String name = function.id.toString();
            if (REFUSED_FUNCTIONS.contains(name)) {
                problems.add(Reason.of("xlsform.function-not-supported", name));
            } else if (!FUNCTIONS.contains(name)) {
                problems.add(Reason.of("xlsform.unknown-function", name));
            }
        });
        return problems;
    }

    private static void visit(XPathExpression expression, Consumer<XPathFuncExpr> onFunction) {
        if (expression instanceof XPathFuncExpr function) {
            onFunction.accept(function);
            for (XPathExpression argument : function.args) {
                visit(argument, onFunction);
            }
        } else if (expression instanceof XPathBinaryOpExpr binary) {
            visit(binary.a, onFunction);
            visit(binary.b, onFunction);
        } else if (expression instanceof XPathUnaryOpExpr unary) {
            visit(unary.a, onFunction);
        } else if (expression instanceof XPathFilterExpr filter) {
            visit(filter.x, onFunction);
            for (XPathExpression predicate : filter.predicates) {
                visit(predicate, onFunction);
            }
        } else if (expression instanceof XPathPathExpr path) {
            if (path.filtExpr != null) {
                visit(path.filtExpr, onFunction);
            }
            for (XPathStep step : path.steps) {
                for (XPathExpression predicate : step.predicates) {
                    visit(predicate, onFunction);
                }
            }
        }
    }
}
