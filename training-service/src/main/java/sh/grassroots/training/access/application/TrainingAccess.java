package sh.grassroots.training.access.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.platform.orgtree.OrganizationPlaces;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.access.model.TrainingAccessPolicy.ConferenceProvider;
import sh.grassroots.training.access.model.TrainingAccessPolicy.OrganizationProvider;
import sh.grassroots.training.access.model.TrainingAccessPolicy.Person;
import sh.grassroots.training.access.model.TrainingAccessPolicy.Provider;
import sh.grassroots.training.access.model.TrainingAccessPolicy.UnknownProvider;
import sh.grassroots.training.conference.persistence.KnownConferenceEntity;
import sh.grassroots.training.conference.persistence.KnownMemberUnitEntity;
import sh.grassroots.training.course.model.ProviderKind;
import sh.grassroots.training.course.persistence.CourseEntity;
import sh.grassroots.training.enrolment.model.MemberStatus;
import sh.grassroots.training.learner.persistence.LearnerEntity;

import java.util.Optional;
import java.util.UUID;

/**
 * What {@code TrainingAccessPolicy} needs, read from training's own projections in the session of
 * the use case that asks (never a session of its own): where the caller's organization scope sits,
 * who provides a course, where a person's home is.
 */
@ApplicationScoped
public class TrainingAccess {
    private final OrganizationPlaces places;

    public TrainingAccess(OrganizationPlaces places) {
        this.places = places;
    }

    public Uni<Scope> scope(Caller caller) {
        return places.placeOf(caller.orgScopeId().orElse(null)).map(place -> Scope.of(caller, place));
    }

    /** Where organization {@code id} sits; null when the projection does not know it. */
    public Uni<Place> placeOf(UUID id) {
        return places.placeOf(id);
    }

    public Uni<Provider> provider(ProviderKind kind, UUID providerId) {
        if (kind == ProviderKind.JOINT_CONFERENCE) {
            return KnownConferenceEntity.<KnownConferenceEntity>findById(providerId)
                    .map(c -> c == null ? new UnknownProvider(providerId) : new ConferenceProvider(c.hostDistrict));
        }
        return places.placeOf(providerId)
                .map(place -> place == null ? new UnknownProvider(providerId) : new OrganizationProvider(place));
    }

    public Uni<Provider> providerOf(CourseEntity course) {
        return provider(course.providerKind, course.providerId);
    }

    public Uni<Provider> providerOfCourse(UUID courseId) {
        return CourseEntity.<CourseEntity>findById(courseId).chain(this::providerOf);
    }

    /** The provider of the course a session belongs to, read without loading (or locking) the session's entity. */
    public Uni<Provider> providerOfSession(UUID sessionId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select course_id::text from training_session where id = ?1")
                        .setParameter(1, sessionId).getSingleResultOrNull())
                .chain(courseId -> courseId == null ? Uni.createFrom().nullItem()
                        : providerOfCourse(UUID.fromString(courseId.toString())));
    }

    /** What access knows of a person; empty when training has no learner record of them. */
    public Uni<Optional<Person>> person(UUID personId) {
        return LearnerEntity.<LearnerEntity>findById(personId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().item(Optional.<Person>empty());
            }
            if (row.memberStatus == MemberStatus.NOT_A_MEMBER) {
                return unitOffice(row.memberUnitId).map(office -> Optional.of(new Person(personId, null, office)));
            }
            return places.placeOf(row.homeOrganizationId).map(home -> Optional.of(new Person(personId, home, null)));
        });
    }

    /**
     * Passes when the caller is one of the organizers of session {@code sessionId}; 404 for an
     * unknown session, 403 when they are not.
     */
    public Uni<Void> requireOrganizerOfSession(Caller caller, UUID sessionId) {
        return providerOfSession(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .chain(provider -> scope(caller).chain(scope -> enforce(TrainingAccessPolicy.organizers(scope, provider))));
    }

    /**
     * Passes when the caller may read person {@code personId}'s training records: the person
     * themselves (even before training has heard of them: their records are then empty), or
     * READ_TRAINING at their home. Someone training never heard of is a 404 for anyone else.
     */
    public Uni<Void> readPersonRecords(Caller caller, UUID personId) {
        return person(personId).chain(person -> {
            if (person.isPresent()) {
                return scope(caller).chain(scope -> enforce(TrainingAccessPolicy.readPersonRecords(scope, person.get())));
            }
            if (caller.is(personId)) {
                return Uni.createFrom().voidItem();
            }
            return caller.isService() ? enforce(Optional.of(Refusal.serviceIdentity()))
                    : Uni.createFrom().failure(ProblemException.notFound("Person", personId));
        });
    }

    /** What access knows of a person, also when training has no learner record of them (no home, no unit). */
    public Uni<Person> personOrStranger(UUID personId) {
        return person(personId).map(known -> known.orElseGet(() -> new Person(personId, null, null)));
    }

    /** Fails with the refusal's 403 problem; passes when there is none. */
    public static Uni<Void> enforce(Optional<Refusal> refusal) {
        return refusal.isPresent() ? Uni.createFrom().failure(Callers.forbidden(refusal.get()))
                : Uni.createFrom().voidItem();
    }

    private Uni<String> unitOffice(UUID unitId) {
        if (unitId == null) {
            return Uni.createFrom().nullItem();
        }
        return KnownMemberUnitEntity.<KnownMemberUnitEntity>findById(unitId)
                .map(unit -> unit == null || unit.leftOn != null ? null : unit.hostDistrict);
    }
}
