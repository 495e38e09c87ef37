package sh.grassroots.org.conference.application;

import sh.grassroots.platform.web.ETags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.conference.application.Views.ConferenceView;
import sh.grassroots.org.conference.application.Views.UnitView;
import sh.grassroots.org.conference.model.ChairTerm;
import sh.grassroots.org.conference.model.ConferenceRule;
import sh.grassroots.org.conference.model.MemberUnit;
import sh.grassroots.org.conference.model.Membership;
import sh.grassroots.org.conference.model.Sector;
import sh.grassroots.org.conference.persistence.ChairTermEntity;
import sh.grassroots.org.conference.persistence.ConferenceEntity;
import sh.grassroots.org.conference.persistence.MemberUnitEntity;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.platform.web.ProblemException;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 区域化党建联席会议: setting a conference up, units joining and leaving. Each records its
 * {@link ConferenceEvents} event (keyed by the conference) in the same transaction, so that the
 * other services know who runs a conference and which conference a member unit belongs to.
 */
@ApplicationScoped
public class ConferenceService {
    private static final String ACTIVE_NAME_INDEX = "conference_unit_active_name";
    private static final String ACTIVE_ORGANIZATION_INDEX = "conference_unit_active_organization";

    private final Clock clock;
    private final Outbox outbox;

    public ConferenceService(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    public record NewUnit(String name, Sector sector, UUID organizationId, LocalDate joinedOn) {
    }

    /** The host district's office sets it up. */
    @WithTransaction
    public Uni<ConferenceView> create(Caller caller, String name, String hostDistrict, LocalDate foundedOn) {
        return Conferences.checkWrite(caller, hostDistrict).map(ignored -> {
            ConferenceEntity conference = new ConferenceEntity();
            conference.id = UUID.randomUUID();
            conference.name = name.strip();
            conference.hostDistrict = hostDistrict;
            conference.foundedOn = foundedOn;
            conference.createdAt = OffsetDateTime.now(clock);
            return conference;
        }).chain(conference -> conference.<ConferenceEntity>persistAndFlush())
                .call(conference -> outbox.record(ConferenceEvents.TOPIC, outbox.envelope(ConferenceEvents.CREATED,
                        ConferenceEvents.CREATED_VERSION, conference.id.toString(), conference.hostDistrict,
                        new ConferenceEvents.ConferenceCreated(conference.id, conference.name, conference.hostDistrict,
                                conference.foundedOn))))
                .map(ConferenceView::of);
    }

    @WithSession
    public Uni<ConferenceView> get(Caller caller, UUID id) {
        return Conferences.checkRead(caller).chain(() -> Conferences.load(id)).map(ConferenceView::of);
    }

    /** Conferences in the order they were set up, optionally of one host district. */
    @WithSession
    public Uni<Page<ConferenceView>> list(Caller caller, String hostDistrict, int limit, String cursor) {
        return Conferences.checkRead(caller).chain(() -> Conferences.after(cursor)).chain(after -> (hostDistrict == null
                        ? ConferenceEntity.<ConferenceEntity>find("seq > ?1 order by seq", after)
                        : ConferenceEntity.<ConferenceEntity>find("hostDistrict = ?1 and seq > ?2 order by seq", hostDistrict, after))
                        .page(0, limit + 1).list())
                .map(rows -> Page.of(rows, limit, (ConferenceEntity last) -> Cursors.encode(last.seq.toString()))
                        .map(ConferenceView::of));
    }

    /**
     * A unit joins. Takes the conference row lock so that the check against the existing units
     * and the insert are one step; the partial unique indexes back it up. The conference's office
     * only, checked once the row is locked.
     */
    @WithTransaction
    public Uni<UnitView> join(Caller caller, UUID conferenceId, NewUnit request) {
        return Conferences.load(conferenceId)
                .call(conference -> Panache.getSession().chain(s -> s.lock(conference, LockModeType.PESSIMISTIC_WRITE)))
                .call(conference -> Conferences.checkWrite(caller, conference.hostDistrict))
                .call(conference -> request.organizationId() == null ? Uni.createFrom().voidItem()
                        : OrganizationEntity.<OrganizationEntity>findById(request.organizationId())
                        .onItem().ifNull().failWith(() -> Rejections.exception(ConferenceRule.UNKNOWN_ORGANIZATION.rejects(
                                "No organization with id " + request.organizationId()), "organizationId", "no such organization"))
                        .replaceWithVoid())
                .chain(conference -> MemberUnitEntity.<MemberUnitEntity>list("conferenceId", conferenceId)
                        .chain(units -> {
                            Outcome<MemberUnit> outcome = Membership.join(UUID.randomUUID(), conference.foundedOn,
                                    units.stream().map(MemberUnitEntity::toModel).toList(), request.name(),
                                    request.sector(), Optional.ofNullable(request.organizationId()), request.joinedOn());
                            if (outcome instanceof Outcome.Rejected<MemberUnit> refused) {
                                return Conferences.<UnitView>refuse(refused);
                            }
                            MemberUnit unit = ((Outcome.Done<MemberUnit>) outcome).value();
                            return MemberUnitEntity.of(conferenceId, unit).<MemberUnitEntity>persistAndFlush()
                                    .onFailure(f -> DatabaseFailures.violates(f, ACTIVE_NAME_INDEX)
                                            || DatabaseFailures.violates(f, ACTIVE_ORGANIZATION_INDEX))
                                    .transform(f -> Rejections.exception(ConferenceRule.UNIT_ALREADY_MEMBER.rejects(
                                            unit.name() + " is already an active member")))
                                    .call(saved -> outbox.record(ConferenceEvents.TOPIC, outbox.envelope(
                                            ConferenceEvents.UNIT_JOINED, ConferenceEvents.UNIT_JOINED_VERSION,
                                            conferenceId.toString(), conference.hostDistrict,
                                            new ConferenceEvents.MemberUnitJoined(conferenceId, saved.id, saved.name,
                                                    saved.sector.name(), conference.hostDistrict, saved.organizationId,
                                                    saved.joinedOn))))
                                    .map(UnitView::of);
                        }));
    }

    @WithTransaction
    public Uni<UnitView> leave(Caller caller, UUID conferenceId, UUID unitId, LocalDate leftOn, Long expectedVersion) {
        return Conferences.loadForWrite(conferenceId, caller).chain(conference -> loadUnit(conferenceId, unitId)
                .call(unit -> Panache.getSession().chain(s -> s.lock(unit, LockModeType.PESSIMISTIC_WRITE)))
                .invoke(unit -> ETags.requireCurrent(expectedVersion, unit.version))
                .chain(unit -> ChairTermEntity.<ChairTermEntity>list("unitId", unitId).chain(terms -> {
                    List<ChairTerm> termsOfUnit = terms.stream().map(t -> t.toModel(unit.name)).toList();
                    Outcome<MemberUnit> outcome = Membership.leave(unit.toModel(), leftOn, termsOfUnit);
                    if (outcome instanceof Outcome.Rejected<MemberUnit> refused) {
                        return Conferences.<UnitView>refuse(refused);
                    }
                    unit.leftOn = ((Outcome.Done<MemberUnit>) outcome).value().leftOn().orElseThrow();
                    return Panache.getSession().chain(s -> s.flush())
                            .chain(() -> outbox.record(ConferenceEvents.TOPIC, outbox.envelope(ConferenceEvents.UNIT_LEFT,
                                    ConferenceEvents.UNIT_LEFT_VERSION, conferenceId.toString(), conference.hostDistrict,
                                    new ConferenceEvents.MemberUnitLeft(conferenceId, unit.id, unit.leftOn))))
                            .map(ignored -> UnitView.of(unit));
                })));
    }

    @WithSession
    public Uni<UnitView> unit(Caller caller, UUID conferenceId, UUID unitId) {
        return Conferences.checkRead(caller).chain(() -> loadUnit(conferenceId, unitId)).map(UnitView::of);
    }

    /** The units in the order they joined; with {@code activeOn}, only those that are members that day. */
    @WithSession
    public Uni<Page<UnitView>> units(Caller caller, UUID conferenceId, LocalDate activeOn, int limit, String cursor) {
        return Conferences.checkRead(caller).chain(() -> Conferences.load(conferenceId)).chain(conference -> Conferences.after(cursor)).chain(after -> (activeOn == null
                ? MemberUnitEntity.<MemberUnitEntity>find("conferenceId = ?1 and seq > ?2 order by seq", conferenceId, after)
                : MemberUnitEntity.<MemberUnitEntity>find("conferenceId = ?1 and seq > ?2 and joinedOn <= ?3"
                        + " and (leftOn is null or leftOn > ?3) order by seq", conferenceId, after, activeOn))
                .page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, (MemberUnitEntity last) -> Cursors.encode(last.seq.toString()))
                        .map(UnitView::of)));
    }

    private static Uni<MemberUnitEntity> loadUnit(UUID conferenceId, UUID unitId) {
        return MemberUnitEntity.<MemberUnitEntity>findById(unitId)
                .map(unit -> unit != null && unit.conferenceId.equals(conferenceId) ? unit : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member unit", unitId));
    }
}
