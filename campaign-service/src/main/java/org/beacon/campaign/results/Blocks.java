package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.campaign.results.Disclosure.Figure;
import org.beacon.campaign.results.Disclosure.Relation;

/**
 * The blocks of a disclosure problem's hidden figures: figures that relations tie together, directly or through other
 * hidden figures, are one block, and what a reader can learn of one block never depends on another. Each block is
 * named by its root, with the relations that name its figures, and the blocks that a bound between two blocks was
 * left out of (<em>loosened</em>). Gaps are not members: a bound belongs to the block of the hidden figures it bounds,
 * its gap an unknown of it alone.
 * <p>
 * Elimination and the interval rule solve block by block; the partition is found anew each time (hiding a figure
 * joins blocks), by union-find over the relations.
 */
record Blocks(Map<Object, List<Object>> members, Map<Object, List<Relation>> relations, Set<Object> loosened) {

    /** The most hidden figures a block of a pair's problem may reach by bounds joining it to others. */
    static final int BOUND_BLOCK = 400;

    /**
     * @param frozen whether this is a filtered breakdown's pair on top of the survey's problem, whose bounds join
     *        blocks only up to {@link #BOUND_BLOCK} hidden figures
     */
    static Blocks of(Map<Object, Figure> figures, List<Relation> relations, boolean frozen) {
        Map<Object, Object> parent = hiddenBlocks(figures, relations, frozen);
        Map<Object, List<Object>> members = new LinkedHashMap<>();
        for (Object key : parent.keySet()) {
            members.computeIfAbsent(root(parent, key), r -> new ArrayList<>()).add(key);
        }
        Map<Object, List<Relation>> relationsOf = new LinkedHashMap<>();
        Set<Object> loosened = new HashSet<>();
        for (Relation relation : relations) {
            List<Object> roots = roots(relation, parent);
            // A bound joins the blocks of the figures it bounds, except in a filtered breakdown's pair where the
            // block would grow too large (see joinBoundBlocks): there it is left out, and each block keeps the bounds
            // inside it and those against shown figures, the common case.
            if (roots.size() == 1) {
                relationsOf.computeIfAbsent(roots.get(0), r -> new ArrayList<>()).add(relation);
            } else {
                loosened.addAll(roots);
            }
        }
        return new Blocks(members, relationsOf, loosened);
    }

    /**
     * Hidden figures joined (union-find) when a relation links them, gaps aside and, in a pair's problem, bounds (see
     * {@link #of}); each root stands for one block.
     */
    private static Map<Object, Object> hiddenBlocks(Map<Object, Figure> figures, List<Relation> relations,
            boolean frozen) {
        Map<Object, Object> parent = new LinkedHashMap<>();
        for (Map.Entry<Object, Figure> entry : figures.entrySet()) {
            if (entry.getValue().hidden() && !entry.getValue().gap) {
                parent.put(entry.getKey(), entry.getKey());
            }
        }
        for (Relation relation : relations) {
            if (relation.bound() && frozen) {
                continue;
            }
            Object first = null;
            for (Object key : relation.terms().keySet()) {
                if (parent.containsKey(key)) {
                    if (first == null) {
                        first = key;
                    } else {
                        parent.put(root(parent, key), root(parent, first));
                    }
                }
            }
        }
        if (frozen) {
            joinBoundBlocks(parent, relations);
        }
        return parent;
    }

    /**
     * In a pair's problem, the blocks a bound ties together are joined while the block they make holds at most
     * {@link #BOUND_BLOCK} hidden figures: joined without limit, they made blocks of over a thousand figures whose
     * programs ran a minute each. A bound between larger blocks is left out (see {@link #of}).
     */
    private static void joinBoundBlocks(Map<Object, Object> parent, List<Relation> relations) {
        Map<Object, Integer> size = new HashMap<>();
        for (Object key : parent.keySet()) {
            size.merge(root(parent, key), 1, Integer::sum);
        }
        for (Relation relation : relations) {
            if (!relation.bound()) {
                continue;
            }
            List<Object> roots = roots(relation, parent);
            int joined = roots.stream().mapToInt(size::get).sum();
            if (roots.size() > 1 && joined <= BOUND_BLOCK) {
                for (Object other : roots.subList(1, roots.size())) {
                    parent.put(other, roots.get(0));
                }
                size.put(roots.get(0), joined);
            }
        }
    }

    /** The blocks a relation's hidden figures (gaps aside) belong to, each named by its root. */
    private static List<Object> roots(Relation relation, Map<Object, Object> parent) {
        return relation.terms().keySet().stream().filter(parent::containsKey).map(key -> root(parent, key)).distinct()
                .toList();
    }

    private static Object root(Map<Object, Object> parent, Object key) {
        Object root = key;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(key, root);
        return root;
    }
}
