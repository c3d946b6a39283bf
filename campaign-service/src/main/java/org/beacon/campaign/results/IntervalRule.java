package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.results.Disclosure.Figure;
import org.beacon.campaign.results.Disclosure.Relation;
import org.beacon.campaign.results.Disclosure.State;

/**
 * The interval rule of a {@link Disclosure}: a reader who cannot compute a hidden count can still bound it from the
 * shown figures, knowing that no count is below zero and that counts are whole; where {@link IntervalAudit} finds a
 * guarded figure's range narrower than the width, one more partner is hidden beside it, and the linear steps run
 * again, round after round, until no range is too narrow or nothing near a narrow one widens it.
 * <p>
 * Headline figures ({@link Disclosure#headline}) come first: the rule never hides one as a partner, nor a partner
 * whose hiding sets the linear steps off to hide one. A round that does is undone and its partners are tried again by
 * halves ({@link #admit}); those that set it off alone are spared. When no partner is left to try and ranges are
 * still narrow, the rule goes on as a last resort with headline shares ({@link Disclosure#headlineShare}: a knowledge
 * item's right answers) among the partners, after every other figure: such a partner is rounded to a range of people
 * rather than hidden ({@link Disclosure#round}), so it needs no partner of its own; and a partner whose hiding makes
 * the linear steps round one (in the resorts they round a headline share rather than hide it, see
 * {@link LinearSteps}) is no longer spared for it. When
 * ranges are still narrow after that, a second resort does the same with headline counts ({@link
 * Disclosure#headlineCount}: a group's respondents, those who answered a knowledge item, from 5·k people), every
 * share of which is then shown as a range. A resort that leaves as many ranges narrow as it found is undone: rounding
 * and hiding that widen nothing are a loss for nothing. A range no resort widens (one only a wave's respondents could
 * widen, never rounded: the number of people asked) is left narrow and listed ({@link #leftNarrow()}).
 */
final class IntervalRule {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IntervalRule.class);

    private final Disclosure disclosure;
    /** The narrowest range a guarded figure may be bounded to. */
    private final int width;
    /**
     * What the rounds have learnt that stays true while figures are only hidden (each hidden figure turns a constant
     * of the relations into one more unknown, so whatever was possible stays possible): the values each hidden figure
     * was seen to take in possible counts, and what each block of hidden figures gave. Going back to a round's states
     * (or to them with the partners that set nothing off) keeps it too: each round audits its blocks before hiding a
     * partner, so all of it was learnt with at most those figures hidden. (Forgetting it there made every retry of a
     * pair's round audit each block again.)
     */
    private final Map<Object, double[]> possible = new java.util.HashMap<>();
    private final Map<List<Object>, Map<Object, Long>> narrowInBlock = new java.util.HashMap<>();
    /** Narrow figures that no partner near them widened, with their block then: tried again only in a new one. */
    private final Map<Object, List<Object>> unwidened = new java.util.HashMap<>();
    /** Each figure's relations, indexed when first needed. */
    private final Map<Object, List<Relation>> relationsWith = new java.util.HashMap<>();
    /** Figures the rule must not hide: hiding them made the linear steps hide a headline figure. */
    private final java.util.Set<Object> spared = new java.util.HashSet<>();
    /** The guarded figures the rule left narrower than the width, each with how much wider it must be. */
    private final Map<Object, Long> leftNarrow = new LinkedHashMap<>();
    /**
     * Which headline figures may be rounded ({@link Resort#mayRound}): none at first; shares once nothing else
     * widens a narrow range; then counts too.
     */
    private Resort resort = Resort.NONE;

    IntervalRule(Disclosure disclosure, int width) {
        this.disclosure = disclosure;
        this.width = width;
    }

    private Figure figure(Object key) {
        return disclosure.figure(key);
    }

    /** A figure or a relation was registered: fewer values may be possible, and all that was learnt goes. */
    void forget() {
        possible.clear();
        narrowInBlock.clear();
        unwidened.clear();
        relationsWith.clear();
    }

    /** Which headline figures the rule may round now ({@link Resort#mayRound}). */
    Resort resort() {
        return resort;
    }

    /** Rounds of partners, each followed by the disclosure's linear steps, until no round hides anything. */
    void protect() {
        spared.clear();
        leftNarrow.clear();
        resort = Resort.NONE;
        ResortStart tried = null;
        while (true) {
            Map<Object, State> before = disclosure.states();
            List<Object> partners = round();
            if (partners.isEmpty()) {
                if (tried != null && leftNarrow.size() >= tried.narrow().size()) {
                    // The resort left as many ranges narrow as it found: what it rounded and hid widened none, and
                    // is given back (what the rounds learnt with more figures hidden goes with it).
                    disclosure.restore(tried.states());
                    leftNarrow.clear();
                    leftNarrow.putAll(tried.narrow());
                    possible.clear();
                    possible.putAll(tried.possible());
                }
                tried = null;
                if (leftNarrow.isEmpty() || resort == Resort.COUNTS_ROUNDED) {
                    logLeftNarrow();
                    return;
                }
                // Every partner near the narrow ranges that this resort allows was tried: the next resort's headline
                // figures may be rounded now (shares, then counts), and figures left unwidened are tried again.
                // Partners spared for setting off the linear steps are tried again once shares may be rounded, as
                // those steps now round a share rather than hide it; a headline count they hide as before.
                resort = resort.next();
                if (disclosure.showsRoundable(resort)) {
                    tried = new ResortStart(disclosure.states(), new LinkedHashMap<>(leftNarrow),
                            new java.util.HashMap<>(possible));
                    leftNarrow.clear();
                    unwidened.clear();
                    if (resort == Resort.SHARES_ROUNDED) {
                        spared.clear();
                    }
                }
                continue;
            }
            disclosure.protectLinearly();
            if (disclosure.hidesHeadline(before, resort)) {
                disclosure.restore(before);
                admit(partners.subList(0, partners.size() / 2));
                admit(partners.subList(partners.size() / 2, partners.size()));
            }
        }
    }

    /**
     * At DEBUG, each range left narrow with its relations: every member's key, coefficient and state, never a count
     * (a log is read by more people than the results). How the 4 ranges the 1,000,000-response bench listed were
     * found to be zeros the relations alone make ({@link Disclosure#protect}); the bench turns it on with
     * {@code -DnarrowRangesLog=true}.
     */
    private void logLeftNarrow() {
        if (leftNarrow.isEmpty() || !LOG.isDebugEnabled()) {
            return;
        }
        StringBuilder out = new StringBuilder().append(leftNarrow.size()).append(" ranges left narrow");
        leftNarrow.forEach((key, wider) -> {
            out.append("\n  ").append(key).append(": ").append(wider).append(" values too few");
            for (Relation relation : disclosure.relations()) {
                if (relation.terms().containsKey(key)) {
                    out.append(relation.bound() ? "\n    bound:" : "\n    relation:");
                    relation.terms().forEach((member, coefficient) -> {
                        Figure figure = figure(member);
                        out.append("\n      ").append(coefficient).append(" × ").append(member).append(' ')
                                .append(figure.state).append(figure.headline ? " headline" : "")
                                .append(figure.fixed ? " published" : "").append(figure.gap ? " gap" : "");
                    });
                }
            }
        });
        LOG.debug(out);
    }

    /** Where a resort started: the states, the ranges then left narrow, and what the rounds had learnt. */
    private record ResortStart(Map<Object, State> states, Map<Object, Long> narrow, Map<Object, double[]> possible) {
    }

    /**
     * Hides these partners, with the linear steps after them, unless that hides a headline figure: then each half is
     * tried in turn, down to single partners, which are spared. Partners that set nothing off keep their place, and
     * the few that do are found in a few halvings each rather than by a full run of the linear steps per partner
     * (a pair's problem holds thousands of figures, and a round there can hide over a hundred partners).
     */
    private void admit(List<Object> partners) {
        if (partners.isEmpty()) {
            return;
        }
        Map<Object, State> without = disclosure.states();
        partners.forEach(this::conceal);
        disclosure.protectLinearly();
        if (!disclosure.hidesHeadline(without, resort)) {
            return;
        }
        disclosure.restore(without);
        if (partners.size() == 1) {
            spared.add(partners.get(0));
            return;
        }
        admit(partners.subList(0, partners.size() / 2));
        admit(partners.subList(partners.size() / 2, partners.size()));
    }

    /**
     * The guarded figures the rule left narrower than the width (see {@link Disclosure#headline}), each with how many
     * values its range lacks.
     */
    Map<Object, Long> leftNarrow() {
        return Collections.unmodifiableMap(leftNarrow);
    }

    /**
     * The interval audit: in each block of hidden figures, a guarded figure whose range is narrower than the width
     * gets a visible figure of its relations hidden beside it, see {@link #hidePartner}. When its own relations have
     * none left, the nearest visible figures of its block's relations are tried, and the first whose hiding widens
     * its range is hidden ({@link #widening}); when none does, nothing is hidden for it in that block. Every narrow
     * figure of a round is found against the same hidden set, as in elimination; the linear steps then run again
     * for the new partners.
     */
    private List<Object> round() {
        Blocks hidden = disclosure.blocks();
        Map<Object, List<Object>> blocks = hidden.members();
        Map<Object, List<Relation>> relationsOf = hidden.relations();
        Map<Object, List<Relation>> narrow = new LinkedHashMap<>();
        Map<Object, List<Object>> blockOf = new LinkedHashMap<>();
        Map<Object, Long> missing = new LinkedHashMap<>();
        for (Map.Entry<Object, List<Object>> block : blocks.entrySet()) {
            List<Relation> tied = relationsOf.getOrDefault(block.getKey(), List.of());
            // A block whose figures are the same as in an earlier round is the same program: its answer is kept.
            Map<Object, Long> found = narrowInBlock.get(block.getValue());
            if (found == null) {
                found = narrowIn(block.getValue(), tied, hidden.loosened().contains(block.getKey()));
                narrowInBlock.put(List.copyOf(block.getValue()), found);
            }
            found.forEach((key, wider) -> {
                narrow.put(key, tied);
                blockOf.put(key, block.getValue());
                missing.put(key, wider);
            });
        }
        // A partner hidden for one figure widens its neighbours' ranges too: a figure beside one hidden this round
        // waits for the next round to tell whether it still needs its own.
        java.util.Set<Object> hiddenNow = new java.util.LinkedHashSet<>();
        for (Map.Entry<Object, List<Relation>> figure : narrow.entrySet()) {
            List<Object> own = new ArrayList<>();
            for (Relation relation : figure.getValue()) {
                if (relation.terms().containsKey(figure.getKey())) {
                    own.addAll(relation.terms().keySet());
                }
            }
            if (own.stream().anyMatch(hiddenNow::contains)
                    || blockOf.get(figure.getKey()).equals(unwidened.get(figure.getKey()))) {
                continue;
            }
            long wider = missing.get(figure.getKey());
            Object partner = hidePartner(own, wider);
            if (partner == null) {
                partner = widening(figure.getKey(), figure.getValue(), wider);
            }
            if (partner == null) {
                unwidened.put(figure.getKey(), List.copyOf(blockOf.get(figure.getKey())));
            } else {
                hiddenNow.add(partner);
            }
        }
        if (hiddenNow.isEmpty()) {
            leftNarrow.putAll(missing);
        }
        return List.copyOf(hiddenNow);
    }

    /** How many of a block's nearest visible figures are tried for a figure whose own relations have none left. */
    private static final int TRIED_PARTNERS = 6;

    /** The most hidden figures a block may hold for partners to be tried (see {@link #widening}). */
    private static final int TRIED_BLOCK = 200;

    /**
     * A visible figure of the block's relations whose hiding widens the figure's range, hidden; null when none of
     * the nearest does. Nearest first (in a relation with a hidden figure of the figure's own relations, then one
     * step further), and of those as {@link #hidePartner} prefers; each is tried by solving the figure's range with
     * it hidden. A figure far from the narrow one rarely widens it, and hiding it anyway would only lose it.
     */
    private Object widening(Object narrow, List<Relation> tied, long wider) {
        java.util.Set<Object> reached = new java.util.HashSet<>(List.of(narrow));
        java.util.Set<Relation> used = new java.util.HashSet<>();
        List<Object> candidates = new ArrayList<>();
        for (int distance = 0; distance < 4 && candidates.isEmpty(); distance++) {
            List<Object> further = new ArrayList<>();
            for (Relation relation : tied) {
                if (used.contains(relation) || relation.terms().keySet().stream().noneMatch(reached::contains)) {
                    continue;
                }
                used.add(relation);
                for (Object key : relation.terms().keySet()) {
                    Figure figure = figure(key);
                    if (figure.hidden()) {
                        further.add(key);
                    } else if (mayPartner(key) && !candidates.contains(key)) {
                        candidates.add(key);
                    }
                }
            }
            reached.addAll(further);
        }
        // headline shares, then headline counts, last; enough people first, the fewest of them; then the largest
        candidates.sort((a, b) -> {
            Figure x = figure(a);
            Figure y = figure(b);
            if (rank(x) != rank(y)) {
                return Integer.compare(rank(x), rank(y));
            }
            boolean xEnough = x.n >= wider;
            boolean yEnough = y.n >= wider;
            if (xEnough != yEnough) {
                return xEnough ? -1 : 1;
            }
            return xEnough ? Long.compare(x.n, y.n) : Long.compare(y.n, x.n);
        });
        long hiddenInBlock = tied.stream().flatMap(relation -> relation.terms().keySet().stream()).distinct()
                .filter(key -> figure(key).hidden()).count();
        if (hiddenInBlock > TRIED_BLOCK && !candidates.isEmpty()) {
            // Each try is a program over the whole block, tens of milliseconds in a block this large, for every
            // narrow figure of every round: the nearest candidate is hidden untried, and the next round tells.
            conceal(candidates.get(0));
            return candidates.get(0);
        }
        long now = width - wider;
        for (Object candidate : candidates.subList(0, Math.min(TRIED_PARTNERS, candidates.size()))) {
            // points possible with the candidate hidden are not possible without it: they are not kept
            if (audit(tied, candidate, new java.util.HashMap<>(), false).widerThan(narrow, now)) {
                conceal(candidate);
                return candidate;
            }
        }
        return null;
    }

    /**
     * The guarded figures of a block whose range is narrower than the width, each with how much wider it must be.
     *
     * @param loosened whether a bound was left out of the block (see {@link Blocks}): the values it finds
     *        possible may not be, and are not kept for later rounds
     */
    private Map<Object, Long> narrowIn(List<Object> block, List<Relation> tied, boolean loosened) {
        java.util.Set<Object> related = new java.util.HashSet<>();
        tied.forEach(relation -> related.addAll(relation.terms().keySet()));
        // a figure in no relation is tied to nothing shown: any value is possible
        List<Object> targets = block.stream().filter(related::contains)
                .filter(key -> figure(key).guarded() && !figure(key).derived && !figure(key).withheld).toList();
        if (targets.isEmpty()) {
            return Map.of();
        }
        // A frozen problem is a filtered breakdown's pair: its blocks are too large for integer programs.
        return audit(tied, null, loosened ? new java.util.HashMap<>(possible) : possible,
                !disclosure.frozen()).narrowerThan(targets, width);
    }

    /**
     * The program of what a reader knows of a block: its relations, with its hidden figures (and {@code alsoHidden},
     * a candidate partner, when not null, rounded if it is a headline share) as unknowns, the rounded ones between
     * the ends of their range, and its shown figures as constants.
     */
    private IntervalAudit audit(List<Relation> tied, Object alsoHidden, Map<Object, double[]> possible,
            boolean wholePeople) {
        Map<Object, Long> shown = new LinkedHashMap<>();
        Map<Object, Long> unknown = new LinkedHashMap<>();
        Map<Object, long[]> ranges = new java.util.HashMap<>();
        List<Map<Object, Integer>> terms = new ArrayList<>();
        for (Relation relation : tied) {
            terms.add(relation.terms());
            for (Object key : relation.terms().keySet()) {
                Figure figure = figure(key);
                boolean candidate = key.equals(alsoHidden);
                (figure.hidden() || candidate ? unknown : shown).put(key, figure.n);
                if (figure.state == State.ROUNDED) {
                    ranges.put(key, new long[] { figure.low, figure.high });
                } else if (candidate && figure.headline) {
                    ranges.put(key, disclosure.rounding(figure));
                }
            }
        }
        return new IntervalAudit(unknown, ranges, shown, terms, possible, wholePeople);
    }

    /**
     * Hides a visible figure that holds at least as many respondents as a range must widen by (hiding it lets the
     * range grow by up to its count): of those, the one that leaves the fewest relations with it as their only hidden
     * figure (each would need one more figure hidden by the linear steps), then the one with the fewest respondents;
     * the largest when none holds enough. The least information lost for the most protection. A headline share only
     * when no other candidate is left, a headline count after it. Returns it, or null when every candidate is hidden,
     * known, already published or spared.
     */
    private Object hidePartner(Collection<Object> candidates, long wider) {
        for (int rank = 0; rank <= 2; rank++) {
            int allowed = rank;
            Object partner = choosePartner(
                    candidates.stream().filter(key -> rank(figure(key)) <= allowed).toList(), wider);
            if (partner != null) {
                conceal(partner);
                return partner;
            }
        }
        return null;
    }

    /** The order in which partners are taken: other figures, then headline shares, then headline counts. */
    private static int rank(Figure figure) {
        return !figure.headline ? 0 : figure.shareOnly ? 1 : 2;
    }

    /**
     * Hides a partner; a headline figure (only in the rule's resorts, see {@link #mayPartner}) is rounded instead
     * ({@link Disclosure#round}).
     */
    private void conceal(Object partner) {
        if (figure(partner).headline) {
            disclosure.round(partner);
        } else {
            figure(partner).state = State.PROTECTING;
        }
    }

    /** The partner {@link #hidePartner} hides among these candidates, or null. */
    private Object choosePartner(Collection<Object> candidates, long wider) {
        Object enough = null;
        int enoughAlone = 0;
        Object largest = null;
        for (Object key : candidates) {
            Figure figure = figure(key);
            if (figure.hidden() || !mayPartner(key)) {
                continue;
            }
            if (figure.n >= wider) {
                int alone = aloneIfHidden(key);
                if (enough == null || alone < enoughAlone || alone == enoughAlone && figure.n < figure(enough).n) {
                    enough = key;
                    enoughAlone = alone;
                }
            }
            if (largest == null || figure.n > figure(largest).n) {
                largest = key;
            }
        }
        return enough != null ? enough : largest;
    }

    /** Whether the interval rule may hide this visible figure beside a narrow one. */
    private boolean mayPartner(Object key) {
        Figure figure = figure(key);
        return !figure.known && !figure.fixed && (!figure.headline || resort.mayRound(figure))
                && !spared.contains(key);
    }

    /** The relations of a visible figure that have no hidden figure: hiding it would leave it alone in them. */
    private int aloneIfHidden(Object key) {
        if (relationsWith.isEmpty()) {
            for (Relation relation : disclosure.relations()) {
                relation.terms().keySet().forEach(
                        member -> relationsWith.computeIfAbsent(member, m -> new ArrayList<>()).add(relation));
            }
        }
        int alone = 0;
        for (Relation relation : relationsWith.getOrDefault(key, List.of())) {
            if (relation.terms().keySet().stream().noneMatch(member -> figure(member).hidden())) {
                alone++;
            }
        }
        return alone;
    }
}
