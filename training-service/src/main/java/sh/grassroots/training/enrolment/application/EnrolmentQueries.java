package sh.grassroots.training.enrolment.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.enrolment.model.Admission;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.model.Waitlist;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading enrolments: one, or a session's with each waiting person's place in line. */
@ApplicationScoped
public class EnrolmentQueries {
    private final EnrolmentRecords records;
    private final TrainingAccess access;

    public EnrolmentQueries(EnrolmentRecords records, TrainingAccess access) {
        this.records = records;
        this.access = access;
    }

    /**
     * For each person enrolled in session ?1: HOME when their home is one of the roots or below,
     * AFFILIATE when only an active affiliation is, else null. The roots are the course's subtrees
     * or the organization ?2.
     */
    private static final String MEMBER_OF = """
            with recursive below(id, depth) as (
                %s
                union all
                select k.id, b.depth + 1 from known_organization k join below b on k.parent_id = b.id where b.depth < 32
            )
            select e.person_id::text,
                   case when exists (select 1 from learner l where l.person_id = e.person_id
                                     and l.home_organization_id in (select id from below)) then 'HOME'
                        when exists (select 1 from learner_affiliation a where a.person_id = e.person_id
                                     and a.ended_on is null and a.organization_id in (select id from below)) then 'AFFILIATE'
                   end
            from enrolment e where e.session_id = ?1""";
    private static final String COURSE_ROOTS = """
            select cast(ce.value as uuid), 0 from course_eligibility ce join training_session ts on ts.course_id = ce.course_id
                where ts.id = ?1 and ce.rule = 'SUBTREE'""";
    private static final String GIVEN_ROOT = "select cast(?2 as uuid), 0";

    /** The person, whoever reads or manages the training of the members at their home, or the session's organizers. */
    @WithSession
    public Uni<EnrolmentView> get(Caller caller, UUID enrolmentId) {
        return EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enrolment", enrolmentId))
                .call(e -> access.scope(caller).chain(scope -> access.personOrStranger(e.personId)
                        .chain(person -> access.providerOfSession(e.sessionId).chain(provider -> TrainingAccess.enforce(
                                TrainingAccessPolicy.readEnrolment(scope, person, provider))))))
                .chain(records::view);
    }

    /**
     * All enrolments of a session in arrival order, with each waiting person's place in line: for its
     * organizers. Each person is marked HOME or AFFILIATE for {@code organizationId} when given
     * (e.g. the temporary branch a secretary enrolled), else for the organizations the course is for.
     */
    @WithSession
    public Uni<List<EnrolmentView>> listForSession(Caller caller, UUID sessionId, UUID organizationId) {
        return access.requireOrganizerOfSession(caller, sessionId)
                .chain(s -> EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 order by position", sessionId))
                .chain(rows -> memberOf(sessionId, organizationId).map(memberOf -> {
                    List<Waitlist.Entry> waiting = rows.stream().filter(e -> e.status == EnrolmentStatus.WAITLISTED)
                            .map(EnrolmentRecords::entry).toList();
                    List<EnrolmentView> views = new ArrayList<>();
                    for (EnrolmentEntity e : rows) {
                        views.add(EnrolmentView.of(e, Waitlist.placeOf(waiting, e.id).orElse(null))
                                .memberOf(memberOf.get(e.personId)));
                    }
                    return views;
                }));
    }

    private Uni<Map<UUID, Admission>> memberOf(UUID sessionId, UUID organizationId) {
        String sql = MEMBER_OF.formatted(organizationId == null ? COURSE_ROOTS : GIVEN_ROOT);
        return Panache.getSession().chain(s -> {
                    var query = s.<Object[]>createNativeQuery(sql, Object[].class).setParameter(1, sessionId);
                    return (organizationId == null ? query : query.setParameter(2, organizationId)).getResultList();
                })
                .map(rows -> {
                    Map<UUID, Admission> marks = new HashMap<>();
                    for (Object[] row : rows) {
                        if (row[1] != null) {
                            marks.put(UUID.fromString((String) row[0]), Admission.valueOf((String) row[1]));
                        }
                    }
                    return marks;
                });
    }
}
