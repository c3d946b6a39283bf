package org.beacon.campaign.results;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.campaign.results.Disclosure.Figure;
import org.beacon.campaign.results.Disclosure.Relation;
import org.beacon.campaign.results.Disclosure.State;

/**
 * What a reader of a {@link Disclosure}'s outputs knows, and what they must not learn: every figure's count (a hidden
 * one's too, to check that an audit's range holds it), which are hidden, which of those are counts of people shown
 * as hidden (the interval rule's targets: not the classes inside a merged row, which no output shows), every
 * relation, the guarded figures the rule left narrow to keep a headline figure shown, and the range each rounded
 * figure is shown as (one of the hidden ones, not guarded). For checks of the result by programs other than the
 * rule's own (the tests).
 */
record PublishedDisclosure(Map<Object, Long> counts, Set<Object> hidden, Set<Object> guarded,
        List<Map<Object, Integer>> relations, Set<Object> leftNarrow, Map<Object, long[]> rounded) {

    static PublishedDisclosure of(Map<Object, Figure> figures, List<Relation> relations, Set<Object> leftNarrow) {
        Map<Object, Long> counts = new LinkedHashMap<>();
        Set<Object> hidden = new LinkedHashSet<>();
        Set<Object> guarded = new LinkedHashSet<>();
        Map<Object, long[]> rounded = new LinkedHashMap<>();
        figures.forEach((key, figure) -> {
            counts.put(key, figure.n);
            if (figure.state == State.ROUNDED) {
                rounded.put(key, new long[] { figure.low, figure.high });
            }
            if (figure.hidden()) {
                hidden.add(key);
            }
            if (figure.guarded() && !figure.derived && !figure.withheld) {
                guarded.add(key);
            }
        });
        return new PublishedDisclosure(counts, hidden, guarded, relations.stream().map(Relation::terms).toList(),
                Set.copyOf(leftNarrow), rounded);
    }
}
