package sh.grassroots.platform.orgtree;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Place;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where an organization sits, for the access checks of a service that keeps its own projection
 * of org-service's organization events. The projection is the service's table
 * {@code known_organization} with at least {@code id uuid}, {@code parent_id uuid} (null at a
 * root) and {@code district_code text}; the service's migrations own it.
 * <p>
 * The path is read by walking up the parents in one statement rather than stored: a move in
 * org-service is one event that changes one row here, and events of different organizations may
 * arrive in any order, so a child projected before its parent still gets a right path once the
 * parent is there. Until then its path starts at the highest organization known, which lies in
 * no scope above it: a check fails closed, never open.
 * <p>
 * Runs in the caller's session (inside the use case's transaction); opens none of its own.
 */
@ApplicationScoped
public class OrganizationPlaces {
    static final int MAX_DEPTH = 32;

    private static final String ANCESTORS = """
            with recursive up(id, parent_id, district_code, depth) as (
                select id, parent_id, district_code, 0 from known_organization where id = ?1
                union all
                select k.id, k.parent_id, k.district_code, u.depth + 1
                from known_organization k join up u on k.id = u.parent_id
                where u.depth < %d
            )
            select cast(id as text), district_code from up order by depth""".formatted(MAX_DEPTH);

    /** Where organization {@code id} sits; null when the projection does not know it. */
    public Uni<Place> placeOf(UUID id) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession()
                .chain(session -> session.<Object[]>createNativeQuery(ANCESTORS, Object[].class)
                        .setParameter(1, id).getResultList())
                .map(OrganizationPlaces::place);
    }

    /** Rows from the organization itself up to the highest known ancestor: (id, district_code). */
    static Place place(List<Object[]> selfToTop) {
        if (selfToTop.isEmpty()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (Object[] row : selfToTop) {
            ids.add(0, (String) row[0]);
        }
        return new Place(((String) selfToTop.get(0)[1]).trim(), "/" + String.join("/", ids) + "/");
    }
}
