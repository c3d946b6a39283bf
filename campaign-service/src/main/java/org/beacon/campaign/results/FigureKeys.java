package org.beacon.campaign.results;

import static org.beacon.campaign.results.ResultItem.respondents;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.beacon.campaign.results.ResultItem.AskedKey;
import org.beacon.campaign.results.ResultItem.BinKey;
import org.beacon.campaign.results.ResultItem.GapKey;
import org.beacon.campaign.results.ResultItem.MergedKey;
import org.beacon.campaign.results.ResultItem.SumKey;

/**
 * One name for every figure of a survey's results, whatever output shows it: two keys that count the same people
 * (a background question's answer counts and the respondents per group, one cross table seen from either of its
 * dimensions, a pair's group whichever dimension filters) map to one figure of a {@link Disclosure}, hidden or shown
 * together.
 */
final class FigureKeys {

    /**
     * A count of respondents named by what they stated on background questions (a choice position, 0 for not
     * stated, {@link #ANSWERED} for any choice). It is the canonical form of every key that counts the same people:
     * "women" as a group, as an answer to the gender question and as that answer's overall row; "women in region 2"
     * in the gender table by region and in the region table by gender.
     */
    private record Cell(int wave, Map<Dimension, Integer> stated) {
    }

    private static final int ANSWERED = -1;

    /** A count that is zero by definition (women among men), which everyone knows without being told. */
    enum Known {
        ZERO
    }

    private FigureKeys() {
    }

    /**
     * The figure a key stands for, in every problem of a survey with these background questions and collection links
     * (each link's wave by its group's value, see {@link #emptyByDesign}).
     */
    static Function<Object, Object> canonical(Map<Long, Dimension> backgroundQuestions,
            Map<Integer, Integer> linkWaves) {
        Map<Long, Dimension> background = Map.copyOf(backgroundQuestions);
        Map<Integer, Integer> waves = Map.copyOf(linkWaves);
        return key -> emptyByDesign(waves, key) ? Known.ZERO : canonical(background, key);
    }

    /**
     * Whether a key counts people of a collection link's group in a wave the link does not collect for: nobody, by
     * design, as everyone who sees the survey's links knows. Such a count is a zero everyone knows, never a small cell
     * to protect (protecting it hid figures of everyone in the other wave as soon as a link was made for one).
     */
    private static boolean emptyByDesign(Map<Integer, Integer> linkWaves, Object key) {
        if (linkWaves.isEmpty()) {
            return false;
        }
        if (key instanceof SumKey sum) {
            return emptyByDesign(linkWaves, sum.key());
        }
        if (key instanceof Cell cell) {
            return outOfItsWave(linkWaves, cell.wave(), cell.stated());
        }
        if (key instanceof Tally.Key tally) {
            return outOfItsWave(linkWaves, tally.wave(), statements(tally.dimension(), tally.value()));
        }
        if (key instanceof AskedKey asked) {
            return outOfItsWave(linkWaves, asked.wave(), statements(asked.dimension(), asked.value()));
        }
        if (key instanceof GapKey gap) {
            return outOfItsWave(linkWaves, gap.wave(), statements(gap.dimension(), gap.value()));
        }
        if (key instanceof BinKey bin) {
            return outOfItsWave(linkWaves, bin.wave(), statements(bin.dimension(), bin.value()));
        }
        return key instanceof MergedKey merged
                && outOfItsWave(linkWaves, merged.wave(), statements(merged.dimension(), merged.value()));
    }

    private static boolean outOfItsWave(Map<Integer, Integer> linkWaves, int wave, Map<Dimension, Integer> stated) {
        Integer link = stated.get(Dimension.of(Dimension.TEAM));
        return link != null && link != 0 && linkWaves.containsKey(link) && linkWaves.get(link) != wave;
    }

    /** Those of a group who did not state an optional background question (the "not stated" group within it). */
    static Object notStated(int wave, Dimension dimension, int value, Dimension own) {
        Map<Dimension, Integer> stated = new HashMap<>(statements(dimension, value));
        stated.put(own, 0);
        return new Cell(wave, Map.copyOf(stated));
    }

    /** The figure a key stands for: background counts become {@link Cell}s, everything else is its own figure. */
    private static Object canonical(Map<Long, Dimension> backgroundQuestions, Object key) {
        if (key instanceof AskedKey asked && asked.dimension().isFiltered()) {
            Tally.Key normal = normal(respondents(asked.wave(), asked.dimension(), asked.value()));
            return new AskedKey(asked.wave(), asked.question(), normal.dimension(), normal.value());
        }
        if (key instanceof GapKey gap && gap.dimension().isFiltered()) {
            Tally.Key normal = normal(respondents(gap.wave(), gap.dimension(), gap.value()));
            return new GapKey(gap.wave(), gap.question(), gap.choice(), normal.dimension(), normal.value());
        }
        if (key instanceof BinKey bin && bin.dimension().isFiltered()) {
            Tally.Key normal = normal(respondents(bin.wave(), bin.dimension(), bin.value()));
            return new BinKey(bin.wave(), bin.question(), bin.bin(), normal.dimension(), normal.value());
        }
        if (key instanceof MergedKey merged && merged.dimension().isFiltered()) {
            Tally.Key normal = normal(respondents(merged.wave(), merged.dimension(), merged.value()));
            return new MergedKey(merged.wave(), merged.question(), merged.classes(), normal.dimension(),
                    normal.value());
        }
        if (key instanceof SumKey sum) {
            return new SumKey(normal(sum.key()));
        }
        if (!(key instanceof Tally.Key tallyKey)) {
            return key;
        }
        Map<Dimension, Integer> stated = new HashMap<>();
        if (tallyKey.question() != Tally.RESPONDENTS) {
            Dimension own = backgroundQuestions.get(tallyKey.question());
            if (own == null) {
                return normal(tallyKey);
            }
            stated.put(own, tallyKey.choice() == 0 ? ANSWERED : tallyKey.choice());
        }
        for (Map.Entry<Dimension, Integer> group : statements(tallyKey.dimension(), tallyKey.value()).entrySet()) {
            Integer own = stated.get(group.getKey());
            if (own != null && own != ANSWERED && own != group.getValue().intValue()
                    || own != null && own == ANSWERED && group.getValue() == 0) {
                return Known.ZERO;
            }
            stated.put(group.getKey(), group.getValue());
        }
        return new Cell(tallyKey.wave(), Map.copyOf(stated));
    }

    /** What a group states: nothing for everyone, one dimension's value, or its filter's value too. */
    private static Map<Dimension, Integer> statements(Dimension dimension, int value) {
        if (dimension.equals(Dimension.ALL)) {
            return Map.of();
        }
        if (!dimension.isFiltered()) {
            return Map.of(dimension, value);
        }
        return Map.of(dimension.parent(), dimension.parentValue(), dimension.unfiltered(), value);
    }

    /** One name for a pair's group whichever of its two dimensions is the filter (the larger id filters). */
    private static Tally.Key normal(Tally.Key key) {
        Dimension d = key.dimension();
        if (!d.isFiltered() || d.filter() > d.id()) {
            return key;
        }
        return new Tally.Key(key.wave(), key.question(), key.choice(), Dimension.of(d.filter()).within(d, key.value()),
                d.filterValue());
    }
}
