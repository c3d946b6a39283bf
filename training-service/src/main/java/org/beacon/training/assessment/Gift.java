package org.beacon.training.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.beacon.commons.archive.BoundedZip;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.beacon.training.assessment.QuestionText.Format;

/**
 * Moodle's GIFT text format (https://docs.moodle.org/en/GIFT_format): multiple choice with one right answer or
 * weighted answers ({@code ~%50%}), true/false, short answer ({@code {=a =b}}, or {@code {One}}), numerical
 * ({@code {#3.14:0.01}}, {@code {#1..5}}, several weighted answers), matching ({@code {=a -> b =c -> d}}) and
 * descriptions (an item without an answer block, kept as text between questions), with per-answer feedback
 * ({@code #}), general feedback ({@code ####}), question names ({@code ::name::}), text formats ({@code [html]},
 * {@code [markdown]}, {@code [plain]}, {@code [moodle]}; see {@link QuestionText}) and comments ({@code //}). Essay
 * questions ({@code {}}) are refused: no one could mark them here. The content repository puts two comments above
 * each question, {@code // source:} and {@code // legal:}; they are read into the question. Parsing follows
 * Moodle's own importer (qformat_gift), so a file Moodle accepts means the same here, and {@link #write} produces
 * text Moodle reads back. One difference: a text without a format is read as plain text, not as Moodle's
 * auto-format, so that the banks written for Beacon keep showing what they say.
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

    /**
     * A GIFT file that cannot be imported; every message starts with the line it concerns, in the reader's words
     * ({@link GiftRefusal}). The title stays English for API clients.
     */
    public static class GiftException extends ProblemException {
        private final transient List<GiftRefusal> refusals;

        public GiftException(List<GiftRefusal> refusals, GiftRefusal.Words words) {
            super(400, "Invalid GIFT file", words.messages().gift_refused_file(
                    PluralRules.forLocale(ULocale.forLocale(words.reader())).select(refusals.size()),
                    words.number(refusals.size())), refusals.stream().map(r -> r.text(words)).toList());
            this.refusals = List.copyOf(refusals);
        }

        public List<GiftRefusal> refusals() {
            return refusals;
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

    /** Parses a whole file; any error in any question rejects the whole file, said in {@code words}. */
    public static List<GiftQuestion> parse(String text, GiftRefusal.Words words) {
        List<GiftRefusal> errors = new ArrayList<>();
        List<GiftQuestion> questions = parse(text, errors);
        if (!errors.isEmpty()) {
            throw new GiftException(errors, words);
        }
        return questions;
    }

    /** Parses what it can and adds one refusal per problem to {@code errors}, each naming its line. */
    public static List<GiftQuestion> parse(String text, List<GiftRefusal> errors) {
        List<GiftQuestion> questions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int blockStart = -1;
        StringBuilder block = new StringBuilder();
        String source = null;
        String legal = null;
        for (int i = 0; i < lines.length; i++) {
            if (UntrustedText.containsNul(lines[i])) {
                errors.add(new GiftRefusal(i + 1, w -> w.messages().gift_refused_nul()));
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
                        errors.add(new GiftRefusal(blockStart,
                                w -> w.messages().gift_refused_questions(w.number(MAX_QUESTIONS))));
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
            List<GiftRefusal> errors) {
        if (names.add(question.name())) {
            return question;
        }
        if (named) {
            errors.add(new GiftRefusal(question.line(), w -> w.messages().gift_refused_name_twice(question.name())));
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
            List<GiftRefusal> errors) {
        String text = protect(raw);
        String name = null;
        String body = text.strip();
        int bodyOffset = text.indexOf(body);
        if (body.startsWith("::")) {
            int end = body.indexOf("::", 2);
            if (end < 0) {
                errors.add(new GiftRefusal(startLine, w -> w.messages().gift_refused_name_not_closed()));
                return null;
            }
            name = restore(body.substring(2, end)).strip();
            bodyOffset += end + 2;
            body = body.substring(end + 2);
        }
        int open = body.indexOf('{');
        if (open < 0) {
            // Moodle reads an item without an answer block as a description: text shown between questions.
            return description(name, restore(body).strip(), startLine, source, legal, errors);
        }
        int close = body.indexOf('}', open);
        int openLine = lineOf(text, bodyOffset + open, startLine);
        if (close < 0) {
            errors.add(new GiftRefusal(openLine, w -> w.messages().gift_refused_block_not_closed()));
            return null;
        }
        if (body.indexOf('{', open + 1) >= 0 && body.indexOf('{', open + 1) < close) {
            errors.add(new GiftRefusal(lineOf(text, bodyOffset + body.indexOf('{', open + 1), startLine),
                    w -> w.messages().gift_refused_brace_inside()));
            return null;
        }
        String before = body.substring(0, open).strip();
        Format format = Format.leading(before);
        if (format != null) {
            before = before.stripLeading().substring(format.tag.length()).strip();
        } else {
            format = Format.PLAIN;
        }
        String after = body.substring(close + 1).strip();
        if (after.indexOf('{') >= 0) {
            errors.add(new GiftRefusal(lineOf(text, bodyOffset + close + 1 + body.substring(close + 1).indexOf('{'),
                    startLine), w -> w.messages().gift_refused_two_blocks()));
            return null;
        }
        String stemBody = restore(after.isEmpty() ? before : before + " _____ " + after).strip();
        if (stemBody.isEmpty()) {
            errors.add(new GiftRefusal(startLine, w -> w.messages().gift_refused_no_text()));
            return null;
        }
        String stem = QuestionText.stored(format, stemBody);
        if (name == null || name.isEmpty()) {
            name = defaultName(stem);
        }
        if (name.length() > NAME_LIMIT) {
            errors.add(new GiftRefusal(startLine, w -> w.messages().gift_refused_name_too_long(w.number(NAME_LIMIT))));
            return null;
        }
        String named = name;
        if (source != null && source.length() > SOURCE_LIMIT) {
            errors.add(new GiftRefusal(startLine, w -> w.messages().gift_refused_comment_too_long(named,
                    "// source:", w.number(source.length()), w.number(SOURCE_LIMIT))));
            return null;
        }
        if (legal != null && legal.length() > LEGAL_LIMIT) {
            errors.add(new GiftRefusal(startLine, w -> w.messages().gift_refused_comment_too_long(named,
                    "// legal:", w.number(legal.length()), w.number(LEGAL_LIMIT))));
            return null;
        }
        String answerText = body.substring(open + 1, close);
        Texts texts = new Texts(format, openLine, name, errors);
        return parseAnswers(name, stem, answerText, texts, startLine, source, legal, errors);
    }

    /** Moodle names an unnamed question after the start of its text, as a reader sees it. */
    private static String defaultName(String stem) {
        String shown = QuestionText.plain(stem);
        return shown.length() > 60 ? shown.substring(0, 60).strip() : shown;
    }

    private static GiftQuestion description(String name, String text, int startLine, String source, String legal,
            List<GiftRefusal> errors) {
        Format format = Format.leading(text);
        String body = format == null ? text : text.stripLeading().substring(format.tag.length()).strip();
        if (body.isEmpty()) {
            errors.add(new GiftRefusal(startLine, w -> w.messages().gift_refused_description_no_text()));
            return null;
        }
        String stem = QuestionText.stored(format == null ? Format.PLAIN : format, body);
        String named = name == null || name.isEmpty() ? defaultName(stem) : name;
        if (named.length() > NAME_LIMIT) {
            errors.add(new GiftRefusal(startLine,
                    w -> w.messages().gift_refused_description_name_too_long(w.number(NAME_LIMIT))));
            return null;
        }
        return new GiftQuestion(named, QuestionType.DESCRIPTION, stem, List.of(), null, null, null, null, source,
                legal, startLine);
    }

    /**
     * Reads the texts of one question's answer block: a text without a format of its own has the stem's, as in
     * Moodle. Every refusal names the line of the answer block.
     */
    private record Texts(Format format, int line, String name, List<GiftRefusal> errors) {

        void refuse(Function<GiftRefusal.Words, String> reason) {
            errors.add(new GiftRefusal(line, reason));
        }

        /** A text as stored, or null when empty. */
        String text(String raw) {
            String text = restore(raw).strip();
            Format own = Format.leading(text);
            if (own != null) {
                text = text.stripLeading().substring(own.tag.length()).strip();
            }
            return text.isEmpty() ? null : QuestionText.stored(own == null ? format : own, text);
        }

        /** A text that GIFT reads without a format (short answers, what a matching item matches). */
        static String plain(String raw) {
            String text = restore(raw).strip();
            Format own = Format.leading(text);
            return own == null ? text : text.stripLeading().substring(own.tag.length()).strip();
        }
    }

    private static GiftQuestion parseAnswers(String name, String stem, String answerText, Texts texts,
            int startLine, String source, String legal, List<GiftRefusal> errors) {
        String general = null;
        int generalAt = answerText.indexOf("####");
        if (generalAt >= 0) {
            general = texts.text(answerText.substring(generalAt + 4));
            answerText = answerText.substring(0, generalAt);
        }
        String trimmed = answerText.strip();
        if (trimmed.isEmpty()) {
            texts.refuse(w -> w.messages().gift_refused_essay());
            return null;
        }
        // The order of Moodle's importer: '#' first is numerical, any '~' multiple choice, '=' with '->' matching.
        if (trimmed.startsWith("#")) {
            List<GiftAnswer> answers = numbers(trimmed.substring(1), texts);
            return answers == null ? null : new GiftQuestion(name, QuestionType.NUMERICAL, stem, answers, null, null,
                    null, general, source, legal, startLine);
        }
        if (trimmed.indexOf('~') >= 0) {
            return choice(name, stem, trimmed, general, texts, startLine, source, legal, errors);
        }
        if (trimmed.indexOf('=') >= 0 && trimmed.contains("->")) {
            List<GiftAnswer> pairs = pairs(trimmed, texts);
            return pairs == null ? null : new GiftQuestion(name, QuestionType.MATCHING, stem, pairs, null, null, null,
                    general, source, legal, startLine);
        }
        String key = trimmed.split("#", -1)[0].strip().toUpperCase(Locale.ROOT);
        if (key.equals("T") || key.equals("TRUE") || key.equals("F") || key.equals("FALSE")) {
            String[] bits = trimmed.split("#", 3);
            String wrong = bits.length > 1 ? texts.text(bits[1]) : null;
            String right = bits.length > 2 ? texts.text(bits[2]) : null;
            return new GiftQuestion(name, QuestionType.TRUEFALSE, stem, List.of(), key.startsWith("T"), right, wrong,
                    general, source, legal, startLine);
        }
        // Short answer. As in Moodle, text before the first '=' is an accepted answer too: {One} accepts "One".
        List<GiftAnswer> answers = answers(trimmed, '=', texts);
        if (answers == null) {
            return null;
        }
        answers = answers.stream().map(a -> new GiftAnswer(Texts.plain(a.text()), a.fraction(), a.feedback()))
                .toList();
        if (answers.stream().noneMatch(a -> a.fraction() >= 0.99999)) {
            texts.refuse(w -> w.messages().gift_refused_short_no_right());
            return null;
        }
        return new GiftQuestion(name, QuestionType.SHORT, stem, answers, null, null, null, general, source, legal,
                startLine);
    }

    private static GiftQuestion choice(String name, String stem, String text, String general, Texts texts,
            int startLine, String source, String legal, List<GiftRefusal> errors) {
        if (!(text.startsWith("~") || text.startsWith("="))) {
            texts.refuse(w -> w.messages().gift_refused_answer_start());
            return null;
        }
        boolean single = text.indexOf('=') >= 0;
        List<GiftAnswer> answers = answers(text, '~', texts);
        if (answers == null) {
            return null;
        }
        if (answers.size() < 2) {
            texts.refuse(w -> w.messages().gift_refused_two_answers());
            return null;
        }
        if (single) {
            if (answers.stream().noneMatch(a -> a.fraction() >= 0.99999)) {
                texts.refuse(w -> w.messages().gift_refused_single_no_right());
                return null;
            }
            return new GiftQuestion(name, QuestionType.SINGLE, stem, answers, null, null, null, general, source,
                    legal, startLine);
        }
        double positive = answers.stream().mapToDouble(GiftAnswer::fraction).filter(f -> f > 0).sum();
        if (positive <= 0) {
            texts.refuse(w -> w.messages().gift_refused_multiple_no_right());
            return null;
        }
        if (Math.abs(positive - 1.0) > 0.001) {
            BigDecimal sum = new BigDecimal(percent(positive));
            texts.refuse(w -> w.messages().gift_refused_weights_sum(w.number(sum)));
            return null;
        }
        return new GiftQuestion(name, QuestionType.MULTIPLE, stem, answers, null, null, null, general, source, legal,
                startLine);
    }

    /**
     * A numerical answer block after its '#': one answer ({@code 3.14:0.01}, {@code 1..5}, {@code 42}) or several,
     * each after '=' with an optional weight and feedback ({@code =%50%3:1 #close =4}). A range is kept as its
     * middle and the distance to its ends, as Moodle keeps it.
     */
    private static List<GiftAnswer> numbers(String text, Texts texts) {
        List<GiftAnswer> written = text.indexOf('=') >= 0 ? answers(text, '=', texts)
                : answers("=" + text, '=', texts);
        if (written == null) {
            return null;
        }
        List<GiftAnswer> answers = new ArrayList<>();
        for (GiftAnswer answer : written) {
            String number = Texts.plain(answer.text()).replace(" ", "");
            BigDecimal value;
            BigDecimal tolerance;
            try {
                int range = number.indexOf("..");
                int colon = number.indexOf(':');
                if (range >= 0) {
                    BigDecimal low = new BigDecimal(number.substring(0, range));
                    BigDecimal high = new BigDecimal(number.substring(range + 2));
                    if (high.compareTo(low) < 0) {
                        texts.refuse(w -> w.messages().gift_refused_range(number));
                        return null;
                    }
                    value = low.add(high).divide(BigDecimal.valueOf(2));
                    tolerance = high.subtract(low).divide(BigDecimal.valueOf(2));
                } else if (colon >= 0) {
                    value = new BigDecimal(number.substring(0, colon));
                    tolerance = new BigDecimal(number.substring(colon + 1)).abs();
                } else {
                    value = new BigDecimal(number);
                    tolerance = BigDecimal.ZERO;
                }
            } catch (NumberFormatException e) {
                texts.refuse(w -> w.messages().gift_refused_not_a_number(number));
                return null;
            }
            answers.add(new GiftAnswer(plainNumber(value), answer.fraction(), answer.feedback(),
                    new BigDecimal(plainNumber(tolerance)), null));
        }
        if (answers.stream().noneMatch(a -> a.fraction() >= 0.99999)) {
            texts.refuse(w -> w.messages().gift_refused_numerical_no_right());
            return null;
        }
        return answers;
    }

    static String plainNumber(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /**
     * A matching block: pairs {@code =item -> match}, at least two with an item; a pair without an item
     * ({@code = -> extra}) offers one more wrong match. Moodle gives pairs neither weights nor feedback.
     */
    private static List<GiftAnswer> pairs(String text, Texts texts) {
        List<GiftAnswer> pairs = new ArrayList<>();
        String[] parts = text.split("=", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty() && i == 0) {
                continue;
            }
            int arrow = part.indexOf("->");
            if (arrow < 0) {
                String typed = restore(part);
                texts.refuse(w -> w.messages().gift_refused_not_a_pair(typed));
                return null;
            }
            if (part.indexOf('#') >= 0) {
                texts.refuse(w -> w.messages().gift_refused_pair_feedback());
                return null;
            }
            String item = texts.text(part.substring(0, arrow));
            String match = Texts.plain(part.substring(arrow + 2));
            if (match.isEmpty()) {
                String typed = restore(part);
                texts.refuse(w -> w.messages().gift_refused_pair_matches_nothing(typed));
                return null;
            }
            if (pairs.size() == MAX_ANSWERS) {
                texts.refuse(w -> w.messages().gift_refused_pairs(texts.name(), w.number(MAX_ANSWERS)));
                return null;
            }
            if ((item != null && item.length() > ANSWER_LIMIT) || match.length() > ANSWER_LIMIT) {
                int pair = pairs.size() + 1;
                texts.refuse(w -> w.messages().gift_refused_pair_too_long(texts.name(), w.number(pair),
                        w.number(ANSWER_LIMIT)));
                return null;
            }
            pairs.add(new GiftAnswer(item == null ? "" : item, item == null ? 0.0 : 1.0, null, null, match));
        }
        if (pairs.stream().filter(p -> !p.text().isEmpty()).count() < 2) {
            texts.refuse(w -> w.messages().gift_refused_two_pairs());
            return null;
        }
        return pairs;
    }

    /** Splits an answer block into answers; {@code '='} always starts a right answer, as in Moodle. */
    private static List<GiftAnswer> answers(String text, char separator, Texts texts) {
        String name = texts.name();
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
                    String typed = restore(piece);
                    texts.refuse(w -> w.messages().gift_refused_weight_not_closed(typed));
                    return null;
                }
                String weight = piece.substring(1, end).strip();
                try {
                    fraction = new BigDecimal(weight).movePointLeft(2).doubleValue();
                } catch (NumberFormatException e) {
                    String typed = restore(weight);
                    texts.refuse(w -> w.messages().gift_refused_weight_not_a_number(typed));
                    return null;
                }
                if (fraction < -1.0 || fraction > 1.0) {
                    texts.refuse(w -> w.messages().gift_refused_weight_range(weight));
                    return null;
                }
                piece = piece.substring(end + 1).strip();
            }
            String feedback = null;
            int hash = piece.indexOf('#');
            if (hash >= 0) {
                feedback = texts.text(piece.substring(hash + 1));
                piece = piece.substring(0, hash).strip();
            }
            String answer = texts.text(piece);
            if (answer == null) {
                texts.refuse(w -> w.messages().gift_refused_answer_no_text());
                return null;
            }
            if (answers.size() == MAX_ANSWERS) {
                texts.refuse(w -> w.messages().gift_refused_answers(name, w.number(MAX_ANSWERS)));
                return null;
            }
            if (answer.length() > ANSWER_LIMIT) {
                int index = answers.size() + 1;
                texts.refuse(w -> w.messages().gift_refused_answer_too_long(name, w.number(index),
                        w.number(answer.length()), w.number(ANSWER_LIMIT)));
                return null;
            }
            if (feedback != null && feedback.length() > ANSWER_LIMIT) {
                int index = answers.size() + 1;
                int length = feedback.length();
                texts.refuse(w -> w.messages().gift_refused_feedback_too_long(name, w.number(index), w.number(length),
                        w.number(ANSWER_LIMIT)));
                return null;
            }
            answers.add(new GiftAnswer(answer, fraction, feedback));
        }
        return answers;
    }

    /**
     * Writes questions as GIFT that Moodle imports and {@link #parse} reads back to the same questions. A text is
     * written with its format when it is not the stem's (the stem's when it is not plain), as Moodle writes it.
     */
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
            Format format = QuestionText.format(q.stem());
            out.append("::").append(escape(q.name())).append(":: ").append(text(q.stem(), Format.PLAIN));
            if (q.type() == QuestionType.DESCRIPTION) {
                out.append('\n');
                continue;
            }
            if (q.type() == QuestionType.TRUEFALSE) {
                out.append(" {").append(Boolean.TRUE.equals(q.truth()) ? "T" : "F");
                if (q.feedbackWrong() != null || q.feedbackRight() != null) {
                    out.append('#').append(text(nullToEmpty(q.feedbackWrong()), format));
                    if (q.feedbackRight() != null) {
                        out.append('#').append(text(q.feedbackRight(), format));
                    }
                }
                if (q.generalFeedback() != null) {
                    out.append("####").append(text(q.generalFeedback(), format));
                }
                out.append("}\n");
                continue;
            }
            out.append(q.type() == QuestionType.NUMERICAL ? " {#\n" : " {\n");
            for (GiftAnswer a : q.answers()) {
                out.append("  ");
                switch (q.type()) {
                    case MATCHING -> out.append('=').append(a.text().isEmpty() ? "" : text(a.text(), format))
                            .append(" -> ").append(escape(a.match()));
                    // Escaped, so that a number typed in the question form can only be refused as not a number.
                    case NUMERICAL -> out.append(answerPrefix(q.type(), a.fraction())).append(escape(a.text()))
                            .append(a.tolerance() == null || a.tolerance().signum() == 0 ? ""
                                    : ":" + plainNumber(a.tolerance()));
                    case SHORT -> out.append(answerPrefix(q.type(), a.fraction())).append(text(a.text(), Format.PLAIN));
                    default -> out.append(answerPrefix(q.type(), a.fraction())).append(text(a.text(), format));
                }
                if (a.feedback() != null) {
                    out.append(" #").append(text(a.feedback(), format));
                }
                out.append('\n');
            }
            if (q.generalFeedback() != null) {
                out.append("  ####").append(text(q.generalFeedback(), format)).append('\n');
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** A stored text as GIFT: its format in front unless it is the one the reader assumes there. */
    private static String text(String stored, Format assumed) {
        Format format = QuestionText.format(stored);
        String body = escape(QuestionText.body(stored));
        return format == assumed && Format.leading(body) == null ? body : format.tag + body;
    }

    private static String answerPrefix(QuestionType type, double fraction) {
        boolean full = Math.abs(fraction - 1.0) < 0.000001;
        boolean none = Math.abs(fraction) < 0.000001;
        return switch (type) {
            case SINGLE -> full ? "=" : none ? "~" : "~%" + percent(fraction) + "%";
            case SHORT, NUMERICAL -> full ? "=" : "=%" + percent(fraction) + "%";
            default -> "~%" + percent(fraction) + "%";
        };
    }

    /** A weight in percent with all the decimals Moodle keeps (five: fractions have seven), never in E notation. */
    static String percent(double fraction) {
        return plainNumber(BigDecimal.valueOf(fraction).movePointRight(2).setScale(5, RoundingMode.HALF_UP));
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

    private static int lineOf(String text, int offset, int startLine) {
        int line = startLine;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
