package org.beacon.campaign.results;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.results.Disclosure.Figure;
import org.beacon.campaign.results.Disclosure.Relation;
import org.beacon.campaign.results.Disclosure.State;

/**
 * The linear steps of a {@link Disclosure}'s complementary suppression, run until nothing changes: a figure computed
 * from a hidden one is hidden; a relation whose only hidden figure is guarded gets a second one; and elimination over
 * each block of hidden figures finds the guarded figures the shown ones still give away through several relations
 * together, each of which gets one of the figures it is computed from hidden. Each time the visible figure with the
 * fewest respondents goes: the least information lost.
 */
final class LinearSteps {

    private final Disclosure disclosure;
    /** What elimination found of each block of hidden figures, by its figures: the same block, the same answer. */
    private final Map<List<Object>, Map<Object, List<Object>>> determinedInBlock = new HashMap<>();

    LinearSteps(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** A figure or a relation was registered: what elimination found no longer holds. */
    void forget() {
        determinedInBlock.clear();
    }

    /** Until no hidden figure can be computed and every dependency holds. */
    void run() {
        boolean changed = true;
        while (changed) {
            changed = hideDependents() | protectLoneHidden();
            if (!changed) {
                changed = protectDetermined();
            }
        }
    }

    private boolean hideDependents() {
        boolean changed = false;
        for (Map.Entry<Object, List<Object>> dependency : disclosure.dependencies().entrySet()) {
            Figure figure = disclosure.figure(dependency.getKey());
            if (!figure.hidden() && dependency.getValue().stream().anyMatch(key -> figure(key).hidden())) {
                figure.state = State.PROTECTING;
                changed = true;
            }
        }
        return changed;
    }

    private boolean protectLoneHidden() {
        boolean changed = false;
        for (Relation relation : disclosure.relations()) {
            List<Object> hidden = relation.terms().keySet().stream().filter(key -> figure(key).hidden()).toList();
            if (hidden.size() == 1 && figure(hidden.get(0)).guarded()) {
                changed |= protect(relation);
            }
        }
        return changed;
    }

    /**
     * Gaussian elimination over the hidden figures, one connected block at a time: a hidden figure is computable
     * when its unit vector lies in the row space of the relations restricted to hidden figures (the shown ones move
     * to the right-hand side). Each such figure gets one more hidden figure beside it in one of its relations.
     */
    private boolean protectDetermined() {
        Blocks hidden = disclosure.blocks();
        Map<Object, List<Object>> blocks = hidden.members();
        Map<Object, List<Relation>> relationsOf = hidden.relations();
        // Every block is solved against the same hidden set first: hiding a figure for one block can join it to
        // another block, whose elimination would then meet an unknown it has no column for.
        Map<Object, List<Object>> givenAway = new LinkedHashMap<>();
        for (Map.Entry<Object, List<Object>> block : blocks.entrySet()) {
            Map<Object, List<Object>> found = determinedInBlock.get(block.getValue());
            if (found == null) {
                // a bound never pins a figure down: its gap is an unknown of that relation alone
                found = Elimination.determined(block.getValue(), relationsOf.getOrDefault(block.getKey(), List.of())
                        .stream().filter(relation -> !relation.bound()).toList(), key -> figure(key).hidden());
                determinedInBlock.put(List.copyOf(block.getValue()), found);
            }
            givenAway.putAll(found);
        }
        boolean changed = false;
        for (Map.Entry<Object, List<Object>> figure : givenAway.entrySet()) {
            // A hidden figure is given away through the shown figures its value is computed from: one of them goes.
            // Once one of those is hidden the computation no longer works; whether another one does is found by
            // the next round of elimination, so no figure is hidden that the round after would not ask for.
            if (figure(figure.getKey()).guarded()
                    && figure.getValue().stream().noneMatch(key -> figure(key).hidden())) {
                changed |= hideSmallestVisible(figure.getValue());
            }
        }
        return changed;
    }

    /** Hides the visible figure with the fewest respondents in a relation (the least information lost). */
    private boolean protect(Relation relation) {
        return hideSmallestVisible(relation.terms().keySet());
    }

    /**
     * Hides the visible figure with the fewest respondents among these; a headline share is rounded instead once the
     * interval rule is in its resorts ({@link Disclosure#round}): an unknown to every reader, as a hidden figure is,
     * so no figure beside it can be computed, and its range and shares stay readable. Not before: a share rounded from
     * the start can leave ranges narrow that hiding would have widened, and the rule then hid partner after partner
     * around them (on the demo stack's Safe Journeys answers with a collection link, a 55 s solve that hid half the
     * results). A headline count is hidden here as before: rounding one changes every share of its group, which only
     * the interval rule's second resort does.
     */
    private boolean hideSmallestVisible(Collection<Object> candidates) {
        Figure best = null;
        for (Object key : candidates) {
            Figure figure = figure(key);
            if (!figure.hidden() && !figure.known && !figure.fixed && (best == null || figure.n < best.n)) {
                best = figure;
            }
        }
        if (best == null) {
            return false;
        }
        if (best.shareOnly && disclosure.width() > 0 && disclosure.resort() != Resort.NONE) {
            disclosure.round(best);
        } else {
            best.state = State.PROTECTING;
        }
        return true;
    }

    private Figure figure(Object canonicalKey) {
        return disclosure.figure(canonicalKey);
    }
}
