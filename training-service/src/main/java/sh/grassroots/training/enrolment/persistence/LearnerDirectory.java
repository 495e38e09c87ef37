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

    private static final String HOME_AND_ANCESTORS = """
            with recursive up(id, parent_id, depth) as (
                select id, parent_id, 0 from known_organization where id = ?1
                union all
                select k.id, k.parent_id, up.depth + 1 from known_organization k join up on k.id = up.parent_id
                where up.depth < 32
            )
            select id::text from up""";

    /** The branches the person is affiliated to now, and every organization above them. */
    private static final String AFFILIATIONS_AND_ANCESTORS = """
            with recursive up(id, parent_id, depth) as (
                select a.organization_id, k.parent_id, 0 from learner_affiliation a
                left join known_organization k on k.id = a.organization_id
                where a.person_id = ?1 and a.ended_on is null
                union all
                select k.id, k.parent_id, up.depth + 1 from known_organization k join up on k.id = up.parent_id
                where up.depth < 32
            )
            select distinct id::text from up""";

    private static final String COMPLETED_COURSES = """
            select distinct s.course_id::text from enrolment e join training_session s on s.id = e.session_id
            where e.person_id = ?1 and e.status = 'ATTENDED'""";

    /** Sequential on purpose: one reactive session runs one statement at a time. */
    public Uni<Optional<Learner>> find(UUID personId) {
        return LearnerEntity.<LearnerEntity>findById(personId).chain(row -> {
            if (row == null || row.leftOn != null) {
                return Uni.createFrom().item(Optional.<Learner>empty());
            }
            return homeAndAncestors(row).chain(path -> completedCourses(personId).chain(completed ->
                    affiliationsAndAncestors(row).map(affiliated ->
                            Optional.of(new Learner(row.personId, row.homeOrganizationId, path, row.memberStatus,
                                    row.memberUnitId, completed, affiliated)))));
        });
    }

    private Uni<Set<UUID>> homeAndAncestors(LearnerEntity row) {
        if (row.homeOrganizationId == null || row.memberStatus == MemberStatus.NOT_A_MEMBER) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(HOME_AND_ANCESTORS)
                        .setParameter(1, row.homeOrganizationId).getResultList())
                .map(ids -> {
                    Set<UUID> path = new HashSet<>(toUuids(ids));
                    // the home organization counts even before the projection has heard of it
                    path.add(row.homeOrganizationId);
                    return path;
                });
    }

    private Uni<Set<UUID>> affiliationsAndAncestors(LearnerEntity row) {
        if (row.memberStatus == MemberStatus.NOT_A_MEMBER) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(AFFILIATIONS_AND_ANCESTORS)
                        .setParameter(1, row.personId).getResultList())
                .map(ids -> new HashSet<>(toUuids(ids)));
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
