package sh.grassroots.org.tree.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An organization's place in its tree as a materialized path, {@code /<root id>/.../<own id>/}.
 *
 * <p>A subtree is then one range of a btree index in byte order (the column uses collation "C"):
 * every descendant's path starts with the ancestor's path, and none sorts at or after
 * {@link #subtreeUpperBound()}. Counting or listing a subtree needs no recursion, at the price
 * of rewriting the paths below a node that moves, which is rare.
 */
public record TreePath(String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})+/");

    public TreePath {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a tree path: " + value);
        }
    }

    public static TreePath root(UUID id) {
        return new TreePath("/" + id + "/");
    }

    public TreePath child(UUID id) {
        return new TreePath(value + id + "/");
    }

    /** True for this path itself and every path below it. */
    public boolean isWithin(TreePath ancestor) {
        return value.startsWith(ancestor.value);
    }

    /** From the root down to this node. */
    public List<UUID> ids() {
        List<UUID> ids = new ArrayList<>();
        for (String part : value.substring(1, value.length() - 1).split("/")) {
            ids.add(UUID.fromString(part));
        }
        return ids;
    }

    public UUID last() {
        List<UUID> ids = ids();
        return ids.get(ids.size() - 1);
    }

    public int depth() {
        return ids().size();
    }

    /**
     * The first string after every path of this subtree: the trailing '/' raised to the next
     * character, '0'. Paths of the subtree are {@code >= value} and {@code < subtreeUpperBound()}.
     */
    public String subtreeUpperBound() {
        return value.substring(0, value.length() - 1) + (char) ('/' + 1);
    }

    /** This path with its {@code from} prefix replaced by {@code to}, as when {@code from}'s node moves. */
    public TreePath rebase(TreePath from, TreePath to) {
        if (!isWithin(from)) {
            throw new IllegalArgumentException(value + " is not within " + from.value);
        }
        return new TreePath(to.value + value.substring(from.value.length()));
    }

    @Override
    public String toString() {
        return value;
    }

    /** Anything that has a place in the tree. */
    public interface Placed {
        TreePath path();
    }
}
