package org.beacon.training.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.beacon.commons.archive.BoundedZip;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;

/**
 * Moodle's GIFT text format (https://docs.moodle.org/en/GIFT_format) for the question types Beacon has: multiple
 * choice with one right answer or weighted answers ({@code ~%50%}), true/false, short answer, with per-answer
 * feedback ({@code #}), general feedback ({@code ####}), question names ({@code ::name::}) and comments
 * ({@code //}). The content repository puts two comments above each question, {@code // source:} and
 * {@code // legal:}; they are read into the question. Parsing follows Moodle's own importer (qformat_gift), so a
 * file Moodle accepts means the same here, and {@link #write} produces text Moodle reads back.
 */
public final class Gift {

    /** Escaped specials are swapped for private-use characters while the structure is parsed. */
    private static final String SPECIALS = "\\~=#{}:n";
    private static final char FIRST_PLACEHOLDER = '\uE000';
    private static final int NAME_LIMIT = 120;
    /** The columns answers and feedback are stored in (question_answer.text and .feedback). */
    static final int ANSWER_LIMIT = 2000;
    /** question.legal_source and question.source_ref. */
    static final int LEGAL_LIMIT = 500;
    static final int SOURCE_LIMIT = 200;
    /**
     * Bounds on what one file may ask the service to store and every trainee's page to show. Moodle has none;
     * the shipped banks have 4 answers per question and about 40 questions per language.
     */
    public static final int MAX_ANSWERS = 20;
    public static final int MAX_QUESTIONS = 500;
    /** 500 questions of about 2 KB each: a body is read up to this and no further. */
    public static final int MAX_BYTES = 1024 * 1024;

    private Gift() {
    }

    /** A GIFT file that cannot be imported; every message starts with the line it concerns. */
    public static class GiftException extends ProblemException {
        public GiftException(List<String> errors) {
            super(400, "Invalid GIFT file", "The GIFT file has " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + "; nothing was imported.", errors);
        }
    }

    /**
     * A GIFT file sent as a request body, read up to {@link #MAX_BYTES} (413 beyond): the HTTP limit is set for
     * media uploads, far more than a question bank needs or a small heap holds as text.
     */
    public static String read(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ProblemException.tooLarge("The GIFT file is larger than " + BoundedZip.size(MAX_BYTES)
                        + ", the limit for one file; split it.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a whole file; any error in any question rejects the whole file. */
    public static List<GiftQuestion> parse(String text) {
        List<String> errors = new ArrayList<>();
        List<GiftQuestion> questions = parse(text, errors);
        if (!errors.isEmpty()) {
            throw new GiftException(errors);
        }
        return questions;
    }

    /** Parses what it can and adds one message per problem to {@code errors}, each naming its line. */
    public static List<GiftQuestion> parse(String text, List<String> errors) {
        List<GiftQuestion> questions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int blockStart = -1;
        StringBuilder block = new StringBuilder();
        String source = null;
        String legal = null;
        for (int i = 0; i < lines.length; i++) {
            if (UntrustedText.containsNul(lines[i])) {
                errors.add("line " + (i + 1) + ": " + UntrustedText.NUL_MESSAGE);
            }
        }
        if (!errors.isEmpty()) {
            return questions;
        }
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                if (blockStart >= 0) {
                    GiftQuestion question = parseQuestion(block.toString(), blockStart, source, legal, errors);
                    if (question != null && questions.size() == MAX_QUESTIONS) {
                        errors.add("line " + blockStart + ": the file has more than " + MAX_QUESTIONS
                                + " questions, the limit for one file; split it.");
                        return questions;
                    }
                    if (question != null) {
                        boolean named = block.toString().strip().startsWith("::");
                        questions.add(uniquelyNamed(question, named, names, errors));
                    }
                }
                blockStart = -1;
                block.setLength(0);
                source = null;
                legal = null;
                continue;
            }
            if (trimmed.startsWith("//")) {
                String comment = trimmed.substring(2).strip();
                String lower = comment.toLowerCase(Locale.ROOT);
                if (lower.startsWith("source:")) {
                    source = comment.substring(7).strip();
                } else if (lower.startsWith("legal:")) {
                    legal = comment.substring(6).strip();
                }
                if (blockStart >= 0) {
                    block.append('\n'); // keeps offsets on their original lines
                }
                continue;
            }
            if (trimmed.startsWith("$CATEGORY:")) {
                continue;
            }
            if (blockStart < 0) {
                blockStart = i + 1;
            } else {
                block.append('\n');
            }
            block.append(line);
        }
        return questions;
    }

    private static GiftQuestion uniquelyNamed(GiftQuestion question, boolean named, Set<String> names,
            List<String> errors) {
        if (names.add(question.name())) {
            return question;
        }
        if (named) {
            errors.add("line " + question.line() + ": the question name '" + question.name()
                    + "' is used twice in this file.");
            return question;
        }
        // Names made from the text may collide (Moodle's own examples ask "Who's buried in Grant's tomb?" twice).
        int n = 2;
        while (!names.add(question.name() + " (" + n + ")")) {
            n++;
        }
        GiftQuestion q = question;
        return new GiftQuestion(q.name() + " (" + n + ")", q.type(), q.stem(), q.answers(), q.truth(),
                q.feedbackRight(), q.feedbackWrong(), q.generalFeedback(), q.sourceRef(), q.legalSource(), q.line());
    }

    private static GiftQuestion parseQuestion(String raw, int startLine, String source, String legal,
            List<String> errors) {
        String text = protect(raw);
        String name = null;
        String body = text.strip();
        int bodyOffset = text.indexOf(body);
        if (body.startsWith("::")) {
            int end = body.indexOf("::", 2);
            if (end < 0) {
                errors.add("line " + startLine + ": the question name is not closed with '::'.");
                return null;
            }
            name = restore(body.substring(2, end)).strip();
            bodyOffset += end + 2;
            body = body.substring(end + 2);
        }
        int open = body.indexOf('{');
        if (open < 0) {
            errors.add("line " + startLine + ": no answers: a question needs an answer block in { }.");
            return null;
        }
        int close = body.indexOf('}', open);
        int openLine = lineOf(text, bodyOffset + open, startLine);
        if (close < 0) {
            errors.add("line " + openLine + ": the answer block opened here is not closed with '}'.");
            return null;
        }
        if (body.indexOf('{', open + 1) >= 0 && body.indexOf('{', open + 1) < close) {
            errors.add("line " + lineOf(text, bodyOffset + body.indexOf('{', open + 1), startLine)
                    + ": '{' inside an answer block; escape it as \\{.");
            return null;
        }
        String before = stripFormat(body.substring(0, open)).strip();
        String after = body.substring(close + 1).strip();
        if (after.indexOf('{') >= 0) {
            errors.add("line " + lineOf(text, bodyOffset + close + 1 + body.substring(close + 1).indexOf('{'),
                    startLine) + ": a question may have only one answer block.");
            return null;
        }
        String stem = restore(after.isEmpty() ? before : before + " _____ " + after).strip();
        if (stem.isEmpty()) {
            errors.add("line " + startLine + ": the question has no text.");
            return null;
        }
        if (name == null || name.isEmpty()) {
            // Moodle names an unnamed question after the start of its text.
            name = stem.length() > 60 ? stem.substring(0, 60).strip() : stem;
        }
        if (name.length() > NAME_LIMIT) {
            errors.add("line " + startLine + ": the question name is longer than " + NAME_LIMIT + " characters.");
            return null;
        }
        if (source != null && source.length() > SOURCE_LIMIT) {
            errors.add("line " + startLine + ": question '" + name + "': the '// source:' comment is "
                    + source.length() + " characters long; the limit is " + SOURCE_LIMIT + ".");
            return null;
        }
        if (legal != null && legal.length() > LEGAL_LIMIT) {
            errors.add("line " + startLine + ": question '" + name + "': the '// legal:' comment is "
                    + legal.length() + " characters long; the limit is " + LEGAL_LIMIT + ".");
            return null;
        }
        String answerText = body.substring(open + 1, close);
        String where = "line " + openLine + ": ";
        return parseAnswers(name, stem, answerText, where, startLine, source, legal, errors);
    }

    private static GiftQuestion parseAnswers(String name, String stem, String answerText, String where,
            int startLine, String source, String legal, List<String> errors) {
        String general = null;
        int generalAt = answerText.indexOf("####");
        if (generalAt >= 0) {
            general = emptyToNull(restore(answerText.substring(generalAt + 4)).strip());
            answerText = answerText.substring(0, generalAt);
        }
        String trimmed = answerText.strip();
        if (trimmed.isEmpty()) {
            errors.add(where + "essay questions ({}) are not supported; use short answer ({=answer}).");
            return null;
        }
        if (trimmed.startsWith("#")) {
            errors.add(where + "numerical questions ({#...}) are not supported.");
            return null;
        }
        if (trimmed.indexOf('~') >= 0) {
            return choice(name, stem, trimmed, general, where, startLine, source, legal, errors);
        }
        if (trimmed.contains("->")) {
            errors.add(where + "matching questions (->) are not supported.");
            return null;
        }
        String key = trimmed.split("#", -1)[0].strip().toUpperCase(Locale.ROOT);
        if (key.equals("T") || key.equals("TRUE") || key.equals("F") || key.equals("FALSE")) {
            String[] bits = trimmed.split("#", 3);
            String wrong = bits.length > 1 ? emptyToNull(restore(bits[1]).strip()) : null;
            String right = bits.length > 2 ? emptyToNull(restore(bits[2]).strip()) : null;
            return new GiftQuestion(name, QuestionType.TRUEFALSE, stem, List.of(), key.startsWith("T"), right, wrong,
                    general, source, legal, startLine);
        }
        if (!trimmed.startsWith("=")) {
            errors.add(where + "a short-answer block must list accepted answers, each starting with '='.");
            return null;
        }
        List<GiftAnswer> answers = answers(name, trimmed, '=', where, errors);
        if (answers == null) {
            return null;
        }
        if (answers.stream().noneMatch(a -> a.fraction() >= 0.99999)) {
            errors.add(where + "the question has no correct answer (an answer worth 100%).");
            return null;
        }
        return new GiftQuestion(name, QuestionType.SHORT, stem, answers, null, null, null, general, source, legal,
                startLine);
    }

    private static GiftQuestion choice(String name, String stem, String text, String general, String where,
            int startLine, String source, String legal, List<String> errors) {
        if (!(text.startsWith("~") || text.startsWith("="))) {
            errors.add(where + "each answer must start with '=' (right) or '~' (wrong or weighted).");
            return null;
        }
        boolean single = text.indexOf('=') >= 0;
        List<GiftAnswer> answers = answers(name, text, '~', where, errors);
        if (answers == null) {
            return null;
        }
        if (answers.size() < 2) {
            errors.add(where + "a multiple-choice question needs at least two answers.");
            return null;
        }
        if (single) {
            if (answers.stream().noneMatch(a -> a.fraction() >= 0.99999)) {
                errors.add(where + "the question has no correct answer (mark it with '=').");
                return null;
            }
            return new GiftQuestion(name, QuestionType.SINGLE, stem, answers, null, null, null, general, source,
                    legal, startLine);
        }
        double positive = answers.stream().mapToDouble(GiftAnswer::fraction).filter(f -> f > 0).sum();
        if (positive <= 0) {
            errors.add(where + "the question has no correct answer: mark one with '=' or give weights such as ~%50%.");
            return null;
        }
        if (Math.abs(positive - 1.0) > 0.001) {
            errors.add(where + "the positive weights add up to " + percent(positive) + "%, not 100%.");
            return null;
        }
        return new GiftQuestion(name, QuestionType.MULTIPLE, stem, answers, null, null, null, general, source, legal,
                startLine);
    }

    /** Splits an answer block into answers; {@code '='} always starts a right answer, as in Moodle. */
    private static List<GiftAnswer> answers(String name, String text, char separator, String where,
            List<String> errors) {
        List<GiftAnswer> answers = new ArrayList<>();
        String marked = separator == '~' ? text.replace("=", "~=") : text;
        for (String part : marked.split(separator == '~' ? "~" : "=", -1)) {
            String piece = part.strip();
            if (piece.isEmpty()) {
                continue;
            }
            double fraction = separator == '=' || piece.startsWith("=") ? 1.0 : 0.0;
            if (piece.startsWith("=")) {
                piece = piece.substring(1).strip();
            }
            if (piece.startsWith("%")) {
                int end = piece.indexOf('%', 1);
                if (end < 0) {
                    errors.add(where + "the weight in '" + restore(piece) + "' is not closed with '%'.");
                    return null;
                }
                String weight = piece.substring(1, end).strip();
                try {
                    fraction = Double.parseDouble(weight) / 100.0;
                } catch (NumberFormatException e) {
                    errors.add(where + "the weight '%" + restore(weight) + "%' is not a number.");
                    return null;
                }
                if (fraction < -1.0 || fraction > 1.0) {
                    errors.add(where + "the weight '%" + weight + "%' is outside -100% to 100%.");
                    return null;
                }
                piece = piece.substring(end + 1).strip();
            }
            String feedback = null;
            int hash = piece.indexOf('#');
            if (hash >= 0) {
                feedback = emptyToNull(restore(piece.substring(hash + 1)).strip());
                piece = piece.substring(0, hash).strip();
            }
            String answer = restore(piece).strip();
            if (answer.isEmpty()) {
                errors.add(where + "an answer has no text.");
                return null;
            }
            if (answers.size() == MAX_ANSWERS) {
                errors.add(where + "question '" + name + "' has more than " + MAX_ANSWERS
                        + " answers, the limit for one question.");
                return null;
            }
            if (answer.length() > ANSWER_LIMIT) {
                errors.add(where + "question '" + name + "': answer " + (answers.size() + 1) + " is " + answer.length()
                        + " characters long; the limit is " + ANSWER_LIMIT + ".");
                return null;
            }
            if (feedback != null && feedback.length() > ANSWER_LIMIT) {
                errors.add(where + "question '" + name + "': the feedback of answer " + (answers.size() + 1) + " is "
                        + feedback.length()
                        + " characters long; the limit is " + ANSWER_LIMIT + ".");
                return null;
            }
            answers.add(new GiftAnswer(answer, fraction, feedback));
        }
        return answers;
    }

    /** Writes questions as GIFT that Moodle imports and {@link #parse} reads back to the same questions. */
    public static String write(List<GiftQuestion> questions) {
        StringBuilder out = new StringBuilder();
        for (GiftQuestion q : questions) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (q.sourceRef() != null) {
                out.append("// source: ").append(q.sourceRef().replace('\n', ' ')).append('\n');
            }
            if (q.legalSource() != null) {
                out.append("// legal: ").append(q.legalSource().replace('\n', ' ')).append('\n');
            }
            out.append("::").append(escape(q.name())).append(":: ").append(escape(q.stem()));
            if (q.type() == QuestionType.TRUEFALSE) {
                out.append(" {").append(Boolean.TRUE.equals(q.truth()) ? "T" : "F");
                if (q.feedbackWrong() != null || q.feedbackRight() != null) {
                    out.append('#').append(escape(nullToEmpty(q.feedbackWrong())));
                    if (q.feedbackRight() != null) {
                        out.append('#').append(escape(q.feedbackRight()));
                    }
                }
                if (q.generalFeedback() != null) {
                    out.append("####").append(escape(q.generalFeedback()));
                }
                out.append("}\n");
                continue;
            }
            out.append(" {\n");
            for (GiftAnswer a : q.answers()) {
                out.append("  ").append(answerPrefix(q.type(), a.fraction())).append(escape(a.text()));
                if (a.feedback() != null) {
                    out.append(" #").append(escape(a.feedback()));
                }
                out.append('\n');
            }
            if (q.generalFeedback() != null) {
                out.append("  ####").append(escape(q.generalFeedback())).append('\n');
            }
            out.append("}\n");
        }
        return out.toString();
    }

    private static String answerPrefix(QuestionType type, double fraction) {
        boolean full = Math.abs(fraction - 1.0) < 0.000001;
        boolean none = Math.abs(fraction) < 0.000001;
        return switch (type) {
            case SINGLE -> full ? "=" : none ? "~" : "~%" + percent(fraction) + "%";
            case SHORT -> full ? "=" : "=%" + percent(fraction) + "%";
            default -> "~%" + percent(fraction) + "%";
        };
    }

    static String percent(double fraction) {
        double value = Math.round(fraction * 100 * 100000.0) / 100000.0;
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String protect(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && SPECIALS.indexOf(text.charAt(i + 1)) >= 0) {
                out.append((char) (FIRST_PLACEHOLDER + SPECIALS.indexOf(text.charAt(i + 1))));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String restore(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int special = c - FIRST_PLACEHOLDER;
            if (special >= 0 && special < SPECIALS.length()) {
                char original = SPECIALS.charAt(special);
                out.append(original == 'n' ? '\n' : original);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Moodle lets a text start with its format, e.g. {@code [markdown]}; Beacon stores plain text. */
    private static String stripFormat(String text) {
        String trimmed = text.stripLeading();
        for (String format : List.of("[html]", "[moodle]", "[plain]", "[markdown]")) {
            if (trimmed.toLowerCase(Locale.ROOT).startsWith(format)) {
                return trimmed.substring(format.length());
            }
        }
        return text;
    }

    private static int lineOf(String text, int offset, int startLine) {
        int line = startLine;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
