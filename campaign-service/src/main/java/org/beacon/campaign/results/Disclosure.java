package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for a set of figures that are published together (PRODUCT.md §5, §8).
 * <ul>
 * <li>Primary: a count from fewer than k respondents is hidden and shown as "&lt; k".</li>
 * <li>Complementary: figures related by a sum (a row or column adding up to its total, wherever the total is shown)
 * never leave exactly one hidden member, or it could be recovered by subtraction; the smallest visible member is
 * hidden as well, repeatedly, until no such line remains.</li>
 * <li>Derived figures (a group's sum behind a mean) are hidden whenever a figure they depend on is hidden.</li>
 * </ul>
 * All outputs of a survey run the same problem over every wave and every dimension, so the page, the JSON and the
 * CSV hide the same figures and cannot be combined to reveal one.
 */
public final class Disclosure {

    public enum State {
        SHOWN, SMALL, PROTECTING
    }

    private static final class Figure {
        final long n;
        State state;

        Figure(long n, State state) {
            this.n = n;
            this.state = state;
        }

        boolean hidden() {
            return state != State.SHOWN;
        }
    }

    private record Line(List<Object> members, Object total) {
    }

    private final int k;
    private final Map<Object, Figure> figures = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();
    private final Map<Object, List<Object>> dependencies = new LinkedHashMap<>();

    public Disclosure(int k) {
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** A count of respondents. Registering the same key twice keeps the first: aliases share one figure. */
    public void count(Object key, long n) {
        figures.putIfAbsent(key, new Figure(n, n < k ? State.SMALL : State.SHOWN));
    }

    /** A figure computed from others (e.g. a group's sum), hidden whenever one of them is. */
    public void derived(Object key, long n, Collection<?> dependsOn) {
        figures.putIfAbsent(key, new Figure(n, State.SHOWN));
        dependencies.put(key, List.copyOf(dependsOn));
    }

    /** Members that add up to a total. */
    public void line(Collection<?> members, Object total) {
        lines.add(new Line(List.copyOf(members), total));
    }

    /** Applies complementary suppression until every line and dependency is safe. */
    public void protect() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Object, List<Object>> dependency : dependencies.entrySet()) {
                Figure figure = figures.get(dependency.getKey());
                if (!figure.hidden() && dependency.getValue().stream().anyMatch(this::isHidden)) {
                    figure.state = State.PROTECTING;
                    changed = true;
                }
            }
            for (Line line : lines) {
                if (hiddenIn(line) == 1) {
                    hide(protectorOf(line));
                    changed = true;
                }
            }
        }
    }

    public State state(Object key) {
        Figure figure = figures.get(key);
        if (figure == null) {
            throw new IllegalArgumentException("No figure " + key);
        }
        return figure.state;
    }

    public boolean isHidden(Object key) {
        return state(key) != State.SHOWN;
    }

    public boolean allShown(Collection<?> keys) {
        return keys.stream().noneMatch(this::isHidden);
    }

    private int hiddenIn(Line line) {
        int hidden = isHidden(line.total()) ? 1 : 0;
        for (Object member : line.members()) {
            if (isHidden(member)) {
                hidden++;
            }
        }
        return hidden;
    }

    /** The visible member with the fewest respondents (the least information lost), else the total. */
    private Object protectorOf(Line line) {
        Object best = null;
        long fewest = Long.MAX_VALUE;
        for (Object member : line.members()) {
            Figure figure = figures.get(member);
            if (!figure.hidden() && figure.n < fewest) {
                best = member;
                fewest = figure.n;
            }
        }
        return best != null ? best : line.total();
    }

    private void hide(Object key) {
        figures.get(key).state = State.PROTECTING;
    }
}
