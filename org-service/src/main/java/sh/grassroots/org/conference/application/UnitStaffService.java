package sh.grassroots.org.conference.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.org.common.model.Actor;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.conference.model.ConferenceRule;
import sh.grassroots.org.conference.model.UnitStaff;
import sh.grassroots.org.conference.persistence.ConferenceEntity;
import sh.grassroots.org.conference.persistence.MemberUnitEntity;
import sh.grassroots.org.conference.persistence.UnitStaffEntity;
import sh.grassroots.org.member.model.PhoneNumber;
import sh.grassroots.org.member.persistence.MemberEntity;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.persistence.PersonalDataProtector;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A member unit registers its staff as learners (金融研修院), party members or not, and ends
 * their registration. The conference's office or the unit's own contact (whoever manages the
 * members of the unit's organization in the tree) does it: {@link OrgAccessPolicy#unitStaff}, asked
 * inside each use case's own transaction after the conference and the unit are loaded. Each change
 * records its {@link ConferenceEvents} event (keyed by the conference), from which training learns
 * the learner; the contact phone stays here, sealed, and is answered masked.
 */
@ApplicationScoped
public class UnitStaffService {
    private static final String ACTIVE_PERSON_INDEX = "conference_unit_staff_active_person";
    private static final String ACTIVE_PHONE_INDEX = "conference_unit_staff_active_phone";

    private final Clock clock;
    private final Outbox outbox;
    private final Access access;
    private final PersonalDataProtector protector;

    public UnitStaffService(Clock clock, Outbox outbox, Access access, PersonalDataProtector protector) {
        this.clock = clock;
        this.outbox = outbox;
        this.access = access;
        this.protector = protector;
    }

    /** What the request asks: {@code memberId} links a registered member; {@code phone} is the contact. */
    public record NewStaff(String name, String phone, Boolean partyMember, UUID memberId) {
    }

    /**
     * One registration as the API shows it: the phone masked for everyone; who registered it and who
     * ended it by subject and kind.
     */
    public record StaffView(UUID personId, UUID conferenceId, UUID unitId, String name, boolean partyMember,
                            UUID memberId, String phone, LocalDate registeredOn, LocalDate leftOn,
                            Actor registeredBy, Actor leftBy, long version) {
        static StaffView of(UnitStaffEntity e) {
            return new StaffView(e.personId, e.conferenceId, e.unitId, e.name, e.partyMember, e.memberId,
                    e.phoneMasked, e.registeredOn, e.leftOn, e.registeredBy(), e.leftBy(), e.version);
        }
    }

    private record Target(ConferenceEntity conference, MemberUnitEntity unit) {
    }

    @WithTransaction
    public Uni<StaffView> register(Caller caller, UUID conferenceId, UUID unitId, NewStaff request) {
        return target(caller, conferenceId, unitId, Permission.MANAGE_MEMBERS, true).chain(target -> {
            if (request.phone() != null && !PhoneNumber.isValid(request.phone())) {
                return Uni.createFrom().failure(Rejections.exception(
                        ConferenceRule.STAFF_PHONE_INVALID.rejects("The phone is not valid"),
                        "phone", "not a mainland mobile number"));
            }
            return member(request.memberId()).chain(member -> {
                LocalDate today = LocalDate.now(clock);
                Outcome<UnitStaff.Registration> outcome = UnitStaff.register(target.unit().toModel(), today,
                        request.name(), request.partyMember(), member);
                if (outcome instanceof Outcome.Rejected<UnitStaff.Registration> refused) {
                    return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                }
                return save(caller, target, ((Outcome.Done<UnitStaff.Registration>) outcome).value(),
                        Optional.ofNullable(request.phone()).map(PhoneNumber::new));
            });
        });
    }

    private Uni<StaffView> save(Caller caller, Target target, UnitStaff.Registration registration,
                                Optional<PhoneNumber> phone) {
        UnitStaffEntity staff = new UnitStaffEntity();
        staff.id = UUID.randomUUID();
        staff.conferenceId = target.conference().id;
        staff.unitId = target.unit().id;
        staff.personId = registration.personId();
        staff.memberId = registration.memberId().orElse(null);
        staff.partyMember = registration.partyMember();
        staff.name = registration.name();
        staff.phoneEncrypted = phone.map(p -> protector.encrypt(p.value())).orElse(null);
        staff.phoneMasked = phone.map(PhoneNumber::masked).orElse(null);
        // Keyed by the unit, so that the hash tells nothing across units.
        staff.phoneHash = phone.map(p -> protector.blindIndex(staff.unitId + ":" + p.value())).orElse(null);
        staff.registeredOn = registration.registeredOn();
        Actor by = Actor.of(caller);
        staff.registeredBySubject = by.subject();
        staff.registeredByKind = by.kind();
        ConferenceEntity conference = target.conference();
        return staff.<UnitStaffEntity>persistAndFlush()
                .onFailure(f -> DatabaseFailures.violates(f, ACTIVE_PERSON_INDEX)
                        || DatabaseFailures.violates(f, ACTIVE_PHONE_INDEX))
                .transform(f -> Rejections.exception(ConferenceRule.STAFF_ALREADY_REGISTERED.rejects(
                        "This person (or this contact phone) is already registered with " + target.unit().name)))
                .call(saved -> outbox.record(ConferenceEvents.TOPIC, outbox.envelope(ConferenceEvents.STAFF_REGISTERED,
                        ConferenceEvents.STAFF_REGISTERED_VERSION, conference.id.toString(), conference.hostDistrict,
                        new ConferenceEvents.UnitStaffRegistered(conference.id, saved.unitId, saved.personId,
                                saved.name, saved.partyMember, saved.memberId, saved.registeredOn))))
                .map(StaffView::of);
    }

    /** Ends the person's registration today; the row stays as the unit's record. */
    @WithTransaction
    public Uni<StaffView> end(Caller caller, UUID conferenceId, UUID unitId, UUID personId) {
        return target(caller, conferenceId, unitId, Permission.MANAGE_MEMBERS, true).chain(target ->
                latest(unitId, personId).chain(staff -> {
                    Outcome<LocalDate> outcome = UnitStaff.leave(Optional.ofNullable(staff.leftOn), LocalDate.now(clock));
                    if (outcome instanceof Outcome.Rejected<LocalDate> refused) {
                        return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                    }
                    Actor by = Actor.of(caller);
                    staff.leftOn = ((Outcome.Done<LocalDate>) outcome).value();
                    staff.leftBySubject = by.subject();
                    staff.leftByKind = by.kind();
                    ConferenceEntity conference = target.conference();
                    return Panache.getSession().chain(s -> s.flush())
                            .chain(() -> outbox.record(ConferenceEvents.TOPIC, outbox.envelope(ConferenceEvents.STAFF_LEFT,
                                    ConferenceEvents.STAFF_LEFT_VERSION, conference.id.toString(), conference.hostDistrict,
                                    new ConferenceEvents.UnitStaffLeft(conference.id, unitId, personId, staff.leftOn))))
                            .map(ignored -> StaffView.of(staff));
                }));
    }

    @WithSession
    public Uni<StaffView> get(Caller caller, UUID conferenceId, UUID unitId, UUID personId) {
        return target(caller, conferenceId, unitId, Permission.READ_SUBTREE, false)
                .chain(target -> latest(unitId, personId)).map(StaffView::of);
    }

    /** The unit's learners registered now, in the order they were registered. */
    @WithSession
    public Uni<Page<StaffView>> list(Caller caller, UUID conferenceId, UUID unitId, int limit, String cursor) {
        return target(caller, conferenceId, unitId, Permission.READ_SUBTREE, false)
                .chain(target -> Conferences.after(cursor))
                .chain(after -> UnitStaffEntity.<UnitStaffEntity>find(
                                "unitId = ?1 and leftOn is null and seq > ?2 order by seq", unitId, after)
                        .page(0, limit + 1).list())
                .map(rows -> Page.of(rows, limit, (UnitStaffEntity last) -> Cursors.encode(last.seq.toString()))
                        .map(StaffView::of));
    }

    /**
     * The conference and its unit (404 for an unknown one, or a unit of another conference), then
     * the check: the office, or {@code permission} at the unit's organization. A write locks the
     * unit's row, so that a registration and the unit leaving are served one after the other.
     */
    private Uni<Target> target(Caller caller, UUID conferenceId, UUID unitId, Permission permission, boolean write) {
        return Conferences.load(conferenceId).chain(conference -> MemberUnitEntity.<MemberUnitEntity>findById(unitId,
                                write ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .map(unit -> unit != null && unit.conferenceId.equals(conferenceId) ? unit : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member unit", unitId))
                .call(unit -> access.placeOf(unit.organizationId).chain(place -> access.check(caller,
                        scope -> OrgAccessPolicy.unitStaff(scope, conference.hostDistrict, place, permission))))
                .map(unit -> new Target(conference, unit)));
    }

    /** The person's current registration with the unit, else their last one; 404 when there never was one. */
    private static Uni<UnitStaffEntity> latest(UUID unitId, UUID personId) {
        return UnitStaffEntity.<UnitStaffEntity>find("unitId = ?1 and personId = ?2 order by seq desc", unitId, personId)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Staff member", personId));
    }

    private static Uni<Optional<UnitStaff.KnownMember>> member(UUID memberId) {
        if (memberId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return MemberEntity.<MemberEntity>findById(memberId)
                .onItem().ifNull().failWith(() -> Rejections.exception(
                        ConferenceRule.UNKNOWN_MEMBER.rejects("No member with id " + memberId),
                        "memberId", "no such member"))
                .map(m -> Optional.of(new UnitStaff.KnownMember(m.id, m.name, m.leftOn == null)));
    }
}
