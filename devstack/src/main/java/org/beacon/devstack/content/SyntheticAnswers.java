package org.beacon.devstack.content;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beacon.contentimport.SurveySheet;

/**
 * Plausible, clearly synthetic answers for a shipped survey, so that evaluators see real-looking results on a fresh
 * stack: knowledge and attitudes a little better at endline than at baseline (agreement rises with the positive
 * Likert items and falls with the reverse-worded ones, where agreeing is the risky attitude), campaign reach only at
 * endline, and
 * background groups of very different sizes so that some cells fall under the suppression threshold. The output is
 * the CSV layout field teams upload (one column per question field: its name, or {@code group/name} inside a group,
 * as KoboToolbox exports them; multiple choices separated by spaces), and the same generator can produce any number
 * of rows for load tests. Seeded, so the same call gives the same answers.
 *
 * <p>The answers follow the form's own rules, as a respondent on the public form must: a question whose
 * {@code relevant} rule (or its group's) does not hold for that respondent is left blank, and an answer that breaks
 * a {@code constraint} is drawn again (see {@link FormLogic}).
 */
public final class SyntheticAnswers {

    /** The key column of an uploaded sheet (ODK's name for it). */
    static final String KEY_COLUMN = "_uuid";
    /** How often an answer breaking a constraint is drawn again before the question is left blank (or fails). */
    private static final int ATTEMPTS = 200;

    private final SurveySheet sheet;

    private SyntheticAnswers(SurveySheet sheet) {
        this.sheet = sheet;
    }

    public static SyntheticAnswers forSurvey(Path surveyFolder) {
        return new SyntheticAnswers(SurveySheet.read(surveyFolder));
    }

    /** {@code count} respondents of a wave as CSV; {@code endline} shifts knowledge, attitudes and reach. */
    public String csv(int count, boolean endline, long seed) {
        Random random = new Random(seed);
        FormLogic logic = new FormLogic(sheet);
        List<SurveySheet.Question> questions = sheet.questions();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(List.of(KEY_COLUMN));
            questions.forEach(question -> header.add(question.field()));
            printer.printRecord(header);
            for (int i = 0; i < count; i++) {
                List<String> row = new ArrayList<>(questions.size() + 1);
                // Each respondent's own key (as ODK's _uuid): identical answers of two people stay two responses.
                row.add(new UUID(seed, i).toString());
                row.addAll(respondent(logic, endline, random));
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One respondent's answers in form order: blank where not asked, never breaking a constraint. */
    private List<String> respondent(FormLogic logic, boolean endline, Random random) {
        logic.clear();
        List<SurveySheet.Question> questions = sheet.questions();
        List<String> answers = new ArrayList<>(questions.size());
        for (SurveySheet.Question question : questions) {
            String answer = "";
            if (logic.relevant(question)) {
                answer = answer(question, endline, random);
                logic.set(question.field(), answer);
                for (int attempt = 1; !logic.accepted(question); attempt++) {
                    if (attempt == ATTEMPTS) {
                        if (question.required()) {
                            throw new IllegalStateException("no synthetic answer to " + question.name()
                                    + " meets its constraint " + question.constraint());
                        }
                        answer = "";
                    } else {
                        answer = answer(question, endline, random);
                    }
                    logic.set(question.field(), answer);
                }
            }
            answers.add(answer);
        }
        // A rule may read a later answer: whatever is not relevant once all are given is not asked either.
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int q = 0; q < questions.size(); q++) {
                if (!answers.get(q).isEmpty() && !logic.relevant(questions.get(q))) {
                    answers.set(q, "");
                    logic.set(questions.get(q).field(), "");
                    changed = true;
                }
            }
        }
        return answers;
    }

    private String answer(SurveySheet.Question question, boolean endline, Random random) {
        if (!question.required() && random.nextDouble() < 0.2) {
            return "";
        }
        List<String> options = question.list() == null ? List.of() : sheet.choices(question.list());
        switch (question.type()) {
            case "integer":
                return String.valueOf(Math.max(0, (int) Math.round(random.nextGaussian() * 2 + (endline ? 4 : 2))));
            case "text":
                return random.nextDouble() < 0.9 ? "" : FREE_TEXT.get(random.nextInt(FREE_TEXT.size()));
            case "select_multiple":
                return channels(options, endline, random);
            case "select_one":
                break;
            default:
                return "";
        }
        if (options.isEmpty()) {
            return "";
        }
        return switch (question.kind()) {
            case "knowledge" -> random.nextDouble() < (endline ? 0.68 : 0.45) || options.size() == 1
                    ? question.answer()
                    : wrong(options, question.answer(), random);
            case "likert" -> options.get(likert(options.size(), endline, question.reversed(), random));
            // Background groups of very different sizes: the later choices are rare, so some cells stay small.
            case "background" -> options.get(skewed(options.size(), random));
            default -> options.get(random.nextInt(options.size()));
        };
    }

    private static String wrong(List<String> options, String right, Random random) {
        List<String> wrong = options.stream().filter(o -> !o.equals(right)).toList();
        return wrong.get(random.nextInt(wrong.size()));
    }

    /**
     * Agreement on a 1..n scale centred a little higher at endline, or a little lower for a reverse-worded item
     * (the campaign makes fewer people agree with the risky statement).
     */
    private static int likert(int size, boolean endline, boolean reversed, Random random) {
        double shift = endline ? reversed ? 0.38 : 0.62 : 0.5;
        double centre = (size - 1) * shift;
        int value = (int) Math.round(centre + random.nextGaussian() * size / 4.0);
        return Math.min(size - 1, Math.max(0, value));
    }

    /** Index 0 most often, each later one rarer (geometric). */
    private static int skewed(int size, Random random) {
        int index = 0;
        while (index < size - 1 && random.nextDouble() < 0.45) {
            index++;
        }
        return index;
    }

    /** Reach: at baseline most have not heard of the campaign; at endline most name one to three channels. */
    private static String channels(List<String> options, boolean endline, Random random) {
        String notHeard = options.stream().filter(o -> o.startsWith("not_")).findFirst().orElse(null);
        List<String> real = options.stream().filter(o -> !o.equals(notHeard)).toList();
        if (notHeard != null && random.nextDouble() < (endline ? 0.25 : 0.8)) {
            return notHeard;
        }
        List<String> picked = new ArrayList<>();
        int wanted = 1 + random.nextInt(3);
        for (String option : real) {
            if (picked.size() < wanted && random.nextDouble() < 0.35) {
                picked.add(option);
            }
        }
        if (picked.isEmpty()) {
            picked.add(real.get(skewed(real.size(), random)));
        }
        return String.join(" ", picked);
    }

    private static final List<String> FREE_TEXT = List.of(
            "The radio spot was clear.",
            "I would like more information about work contracts abroad.",
            "We talked about it at the community meeting.",
            "Where can my cousin check a job offer? Write to demo@example.org",
            "Please repeat the message on the radio in the evening.");
}
