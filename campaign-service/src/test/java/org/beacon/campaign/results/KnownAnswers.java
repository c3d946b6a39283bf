package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;

/**
 * A data set with known figures for the evaluation form of SurveyFixtures: each column is a fixed multiset of
 * answers, laid out row by row, so totals are known in advance and cross-tabulations can be counted from the rows.
 */
final class KnownAnswers {

    static final List<String> COLUMNS = List.of("age_band", "gender", "region", "k1", "l1", "heard_from",
            "people_told", "suggestion");

    /** Multipliers prime to 60 and 80, so each column's rotation is a permutation and keeps its counts. */
    private static final int[] MIXERS = { 1, 7, 11, 13, 17, 19, 23, 29 };

    /** Baseline: 60 respondents, of whom 4 preferred not to state their gender (a small cell). */
    static List<Map<String, String>> baseline() {
        return rows(60, Map.of(
                "age_band", spread("age_15_24", 20, "age_25_49", 25, "age_50_plus", 15),
                "gender", spread("woman", 30, "man", 26, "prefer_not", 4),
                "region", spread("dakar", 35, "thies", 25),
                "k1", spread("yes", 30, "no", 20, "dont_know", 10),
                "l1", spread("1", 10, "2", 10, "3", 20, "4", 10, "5", 10),
                "heard_from", spread("radio", 20, "radio posters", 10, "not_heard", 30),
                "people_told", spread("0", 30, "2", 20, "5", 10),
                "suggestion", spread("", 60)));
    }

    /** Endline: 80 respondents. */
    static List<Map<String, String>> endline() {
        return rows(80, Map.of(
                "age_band", spread("age_15_24", 30, "age_25_49", 30, "age_50_plus", 20),
                "gender", spread("woman", 40, "man", 35, "prefer_not", 5),
                "region", spread("dakar", 50, "thies", 30),
                "k1", spread("yes", 60, "no", 12, "dont_know", 8),
                "l1", spread("1", 10, "2", 10, "3", 10, "4", 20, "5", 30),
                "heard_from", spread("radio", 30, "posters", 20, "radio posters", 10, "not_heard", 20),
                "people_told", spread("1", 40, "3", 40),
                "suggestion", spread("Call me on +221 77 123 45 67", 6, "write to aminata.diallo@example.org", 6,
                        "More radio spots in 2027", 8, "", 60)));
    }

    /**
     * A new survey of {@link SurveyFixtures#NATIONAL} with the evaluation form (its form id starting with the
     * prefix), both waves open and answered with the first rows of this data set (60 and 80 for all of it); returns
     * its id.
     */
    static long survey(String prefix, int baselineRows, int endlineRows) {
        long survey = SurveyFixtures.evaluationSurvey(SurveyFixtures.NATIONAL,
                prefix + "_" + SurveyFixtures.unique("f").replace('-', '_'), Wave.BASELINE, Wave.ENDLINE);
        SurveyFixtures.uploadCsv(SurveyFixtures.NATIONAL, survey, Wave.BASELINE,
                csv(baseline().subList(0, baselineRows)), false).then().statusCode(200);
        SurveyFixtures.uploadCsv(SurveyFixtures.NATIONAL, survey, Wave.ENDLINE,
                csv(endline().subList(0, endlineRows)), false).then().statusCode(200);
        return survey;
    }

    static String csv(List<Map<String, String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : COLUMNS) {
                cells.add(row.get(column));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    /** The values of a column: each value repeated its count times. */
    private static List<String> spread(Object... valuesAndCounts) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < valuesAndCounts.length; i += 2) {
            values.addAll(Collections.nCopies((Integer) valuesAndCounts[i + 1], (String) valuesAndCounts[i]));
        }
        return values;
    }

    /**
     * Rows whose columns are rotated by different steps, so that answers are mixed across groups rather than lined
     * up (the cross-tabulations are then uneven, with small cells, as in real data).
     */
    private static List<Map<String, String>> rows(int n, Map<String, List<String>> columns) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            int step = 0;
            for (String column : COLUMNS) {
                List<String> values = columns.get(column);
                if (values.size() != n) {
                    throw new IllegalStateException(column + " has " + values.size() + " values for " + n + " rows");
                }
                row.put(column, values.get((i * MIXERS[step] + 7 * step) % n));
                step++;
            }
            rows.add(row);
        }
        return rows;
    }
}
