package sh.grassroots.training.enrolment.persistence;

import sh.grassroots.training.learner.persistence.LearnerEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Place;
import sh.grassroots.training.access.model.TrainingAccessPolicy.Person;
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

    /**
     * Everything one enrolment needs to know of the person, in one statement: what {@link #find}
     * reads, what access reads of them ({@code TrainingAccess.person}: home place or unit office)
     * and whether they already hold an active enrolment in the session. The home's ancestors give
     * both the learner's path and the home's place, from one walk up the tree; the branches the
     * person is affiliated to now, with theirs, from another (as {@link #find} reads them).
     */
    private static final String ENROLMENT_FACTS = """
            with recursive up(id, parent_id, district_code, depth) as (
                select k.id, k.parent_id, k.district_code, 0 from known_organization k
                where k.id = (select home_organization_id from learner where person_id = ?1)
                union all
                select k.id, k.parent_id, k.district_code, u.depth + 1
                from known_organization k join up u on k.id = u.parent_id
                where u.depth < 32
            )
            select cast(l.home_organization_id as text), l.member_status, cast(l.member_unit_id as text),
                   l.left_on is not null,
                   (select string_agg(cast(id as text), '/' order by depth desc) from up),
                   (select district_code from up where depth = 0),
                   (select u.host_district from known_member_unit u where u.id = l.member_unit_id and u.left_on is null),
                   (select string_agg(distinct cast(s.course_id as text), ',') from enrolment e
                    join training_session s on s.id = e.session_id where e.person_id = l.person_id and e.status = 'ATTENDED'),
                   exists (select 1 from enrolment e where e.session_id = ?2 and e.person_id = l.person_id
                           and e.status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'ATTENDED')),
                   (with recursive aff(id, parent_id, depth) as (
                        select a.organization_id, k.parent_id, 0 from learner_affiliation a
                        left join known_organization k on k.id = a.organization_id
                        where a.person_id = ?1 and a.ended_on is null
                        union all
                        select k.id, k.parent_id, f.depth + 1 from known_organization k join aff f on k.id = f.parent_id
                        where f.depth < 32
                    )
                    select string_agg(distinct cast(id as text), ',') from aff)
            from learner l where l.person_id = ?1""";

    /**
     * What one enrolment knows of its person: the learner (empty when unknown or gone), what
     * access knows of them (empty when training never heard of them) and whether they already
     * hold an active enrolment in the session.
     */
    public record EnrolmentFacts(Optional<Learner> learner, Optional<Person> person, boolean alreadyEnrolled) {
    }

    /** The facts {@link #find} and {@code TrainingAccess.person} would read, in one round trip. */
    public Uni<EnrolmentFacts> enrolmentFacts(UUID personId, UUID sessionId) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(ENROLMENT_FACTS, Object[].class)
                        .setParameter(1, personId).setParameter(2, sessionId).getSingleResultOrNull())
                .map(row -> row == null ? new EnrolmentFacts(Optional.empty(), Optional.empty(), false)
                        : facts(personId, row));
    }

    static EnrolmentFacts facts(UUID personId, Object[] row) {
        UUID home = row[0] == null ? null : UUID.fromString((String) row[0]);
        MemberStatus status = MemberStatus.valueOf((String) row[1]);
        UUID unit = row[2] == null ? null : UUID.fromString((String) row[2]);
        boolean left = (Boolean) row[3];
        String path = (String) row[4];
        Person person = status == MemberStatus.NOT_A_MEMBER
                ? new Person(personId, null, (String) row[6])
                : new Person(personId, path == null ? null : new Place(((String) row[5]).trim(), "/" + path + "/"), null);
        Optional<Learner> learner = Optional.empty();
        if (!left) {
            Set<UUID> homeAndAncestors = new HashSet<>();
            if (home != null && status != MemberStatus.NOT_A_MEMBER) {
                if (path != null) {
                    for (String id : path.split("/")) {
                        homeAndAncestors.add(UUID.fromString(id));
                    }
                }
                homeAndAncestors.add(home);
            }
            Set<UUID> completed = new HashSet<>();
            if (row[7] != null) {
                for (String id : ((String) row[7]).split(",")) {
                    completed.add(UUID.fromString(id));
                }
            }
            Set<UUID> affiliationsAndAncestors = new HashSet<>();
            if (status != MemberStatus.NOT_A_MEMBER && row.length > 9 && row[9] != null) {
                for (String id : ((String) row[9]).split(",")) {
                    affiliationsAndAncestors.add(UUID.fromString(id));
                }
            }
            learner = Optional.of(new Learner(personId, home, homeAndAncestors, status, unit, completed,
                    affiliationsAndAncestors));
        }
        return new EnrolmentFacts(learner, Optional.of(person), (Boolean) row[8]);
    }

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
