package sh.grassroots.platform.access;

import java.util.Objects;
import java.util.UUID;

/**
 * Where an organization sits in the tree, as far as access is concerned: its district and its
 * materialized path {@code /<root id>/.../<own id>/}. Everything below an organization has a path
 * that starts with its path. org-service keeps the paths; the other services keep them in their
 * projection of org-service's organization events.
 */
public record Place(String districtCode, String path) {
    public Place {
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("A path starts and ends with '/': " + path);
        }
    }

    /** A top-level organization of {@code districtCode}. */
    public static Place root(String districtCode, UUID id) {
        return new Place(districtCode, "/" + id + "/");
    }

    /** The place of organization {@code id} directly below this one (same district). */
    public Place child(UUID id) {
        return new Place(districtCode, path + id + "/");
    }

    /** True when this organization is {@code ancestor} or lies below it. */
    public boolean within(Place ancestor) {
        return path.startsWith(ancestor.path);
    }
}
