package sh.grassroots.training.enrolment.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.training.enrolment.model.Learner;
import sh.grassroots.training.enrolment.model.MemberStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads a {@link Learner} from training's own projections: learner, known_organization,
 * learner_affiliation, attended sessions.
 */
@ApplicationScoped
public class LearnerDirectory {

    /**
     * The home organization and every organization above it (HOME), and the branches the person is
     * affiliated to now and every organization above them (AFFILIATION), in one statement.
     */
    private static final String HOME_AFFILIATIONS_AND_ANCESTORS = """
            with recursive up(id, parent_id, via, depth) as (
                select id, parent_id, cast('HOME' as text), 0 from known_organization where id = ?1
                union all
                select a.organization_id, k.parent_id, cast('AFFILIATION' as text), 0 from learner_affiliation a
                left join known_organization k on k.id = a.organization_id
                where a.person_id = ?2 and a.ended_on is null
                union all
                select k.id, k.parent_id, up.via, up.depth + 1 from known_organization k join up on k.id = up.parent_id
                where up.depth < 32
            )
            select distinct id::text, via from up""";

    private static final String COMPLETED_COURSES = """
            select distinct s.course_id::text from enrolment e join training_session s on s.id = e.session_id
            where e.person_id = ?1 and e.status = 'ATTENDED'""";

    /** Sequential on purpose: one reactive session runs one statement at a time. */
    public Uni<Optional<Learner>> find(UUID personId) {
        return LearnerEntity.<LearnerEntity>findById(personId).chain(row -> {
            if (row == null || row.leftOn != null) {
                return Uni.createFrom().item(Optional.<Learner>empty());
            }
            return places(row).chain(places -> completedCourses(personId).map(completed ->
                    Optional.of(new Learner(row.personId, row.homeOrganizationId, places.home(), row.memberStatus,
                            row.memberUnitId, completed, places.affiliations()))));
        });
    }

    private record Places(Set<UUID> home, Set<UUID> affiliations) {
    }

    private Uni<Places> places(LearnerEntity row) {
        if (row.homeOrganizationId == null || row.memberStatus == MemberStatus.NOT_A_MEMBER) {
            return Uni.createFrom().item(new Places(Set.of(), Set.of()));
        }
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(HOME_AFFILIATIONS_AND_ANCESTORS, Object[].class)
                        .setParameter(1, row.homeOrganizationId).setParameter(2, row.personId).getResultList())
                .map(rows -> {
                    Set<UUID> home = new HashSet<>();
                    Set<UUID> affiliations = new HashSet<>();
                    for (Object[] r : rows) {
                        ("HOME".equals(r[1]) ? home : affiliations).add(UUID.fromString((String) r[0]));
                    }
                    // the home organization counts even before the projection has heard of it
                    home.add(row.homeOrganizationId);
                    return new Places(home, affiliations);
                });
    }

    private Uni<Set<UUID>> completedCourses(UUID personId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(COMPLETED_COURSES)
                        .setParameter(1, personId).getResultList())
                .map(ids -> new HashSet<>(toUuids(ids)));
    }

    static List<UUID> toUuids(List<Object> ids) {
        return ids.stream().map(id -> UUID.fromString(id.toString())).collect(Collectors.toList());
    }
}
