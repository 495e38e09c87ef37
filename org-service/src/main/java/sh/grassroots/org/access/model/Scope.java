package sh.grassroots.org.access.model;

import java.util.Objects;

/**
 * Where an organization sits, as far as access is concerned: its district and its materialized
 * path ({@code /<root>/.../<id>/}). A subtree is every path that starts with the root's path.
 */
public record Scope(String districtCode, String path) {
    public Scope {
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(path, "path");
    }

    public boolean contains(Scope other) {
        return other.path.startsWith(path);
    }
}
